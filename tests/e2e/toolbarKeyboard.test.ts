/**
 * The section toolbar from the keyboard alone (issue 12, item 6): Alt+F10 in the text reaches it and Esc
 * goes back; it is one tab stop whose buttons the arrow keys, Home and End move between; Enter and Space
 * press a button (marks report their state with aria-pressed); Tab reaches it when the editor does not have
 * the focus; and an award tally is inserted from it, the focus going on to the tally's first field.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createReport } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForSaveState } from '../helpers/browser.js';
import { useServer } from '../helpers/startServer.js';

const SECTION = 'kien-nghi';
const toolbarOf = (section: string) => `[data-testid="section-${section}"] [data-testid="editor-toolbar"]`;

/** What has the focus: a toolbar button's id, "editor" for a section's text, or the element's test id. */
function describeFocus(): string | null {
  const active = document.activeElement as HTMLElement | null;
  if (active === null) return null;
  if (active.dataset.toolbarItem !== undefined) return `button:${active.dataset.toolbarItem}`;
  if (active.classList.contains('ProseMirror')) return 'editor';
  return active.dataset.testid ?? active.tagName;
}

/** Whether `want` has the focus (as {@link describeFocus} names it); self-contained, to run in the page. */
function focusIs(want: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (active === null) return false;
  if (active.dataset.toolbarItem !== undefined) return `button:${active.dataset.toolbarItem}` === want;
  if (active.classList.contains('ProseMirror')) return want === 'editor';
  return (active.dataset.testid ?? active.tagName) === want;
}

/**
 * Waits until `expected` has the focus. The editor takes the focus back in the next animation frame
 * (TipTap's `focus()`), so what is typed must wait for it.
 */
async function waitForFocus(page: Page, expected: string): Promise<void> {
  try {
    await page.waitForFunction(focusIs, expected, { timeout: 5_000 });
  } catch {
    expect(await page.evaluate(describeFocus), 'the focus').toBe(expected);
  }
}

/** The toolbar's buttons that are a tab stop (tabindex 0). */
function tabStops(page: Page, section: string): Promise<string[]> {
  return page.locator(`${toolbarOf(section)} [data-toolbar-item][tabindex="0"]`).evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.toolbarItem ?? ''));
}

/** Whether the toolbar shows now (it is transparent while neither it nor its editor has the focus). */
function shown(page: Page, section: string): Promise<boolean> {
  return page.locator(toolbarOf(section)).evaluate((toolbar) => getComputedStyle(toolbar).opacity !== '0' && getComputedStyle(toolbar).pointerEvents !== 'none');
}

/** Waits until the toolbar shows fully (it fades in). */
async function waitUntilShown(page: Page, section: string): Promise<void> {
  await page.locator(toolbarOf(section)).evaluate(
    (toolbar) =>
      new Promise<void>((resolve) => {
        const check = () => (getComputedStyle(toolbar).opacity === '1' && getComputedStyle(toolbar).pointerEvents !== 'none' ? resolve() : requestAnimationFrame(check));
        check();
      }),
  );
}

describe('the section toolbar from the keyboard', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();

  async function openReport(): Promise<Page> {
    const report = await createReport(server().url, {}, server().adminCookie);
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${report.id}`, 'admin', server().adminPassword);
    await waitForSaveState(page, 'saved');
    return page;
  }

  it('is reached with Alt+F10 and left with Esc, moves with the arrow keys, and presses buttons with Enter and Space', async () => {
    const page = await openReport();
    const toolbar = page.locator(toolbarOf(SECTION));
    expect(await toolbar.getAttribute('role')).toBe('toolbar');
    expect(await toolbar.getAttribute('aria-keyshortcuts')).toBe('Alt+F10');
    expect(await toolbar.getAttribute('title')).toContain('Alt+F10');
    await typeInSection(page, SECTION, 'end', ' Chữ thường');

    await page.keyboard.press('Alt+F10');
    await waitForFocus(page, 'button:bold');
    await waitUntilShown(page, SECTION);
    expect(await tabStops(page, SECTION)).toEqual(['bold']);
    expect(await page.locator(`${toolbarOf(SECTION)} [data-toolbar-item="bold"]`).getAttribute('aria-pressed')).toBe('false');

    // Enter presses it: bold is on for what is typed next, in the text, which has the focus back.
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'editor');
    expect(await page.locator(`${toolbarOf(SECTION)} [data-toolbar-item="bold"]`).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type(' đậm');
    await page.locator(`${editorSelector(SECTION)} strong`, { hasText: 'đậm' }).waitFor();

    // The arrow keys move the tab stop; Space presses.
    await page.keyboard.press('Alt+F10');
    await page.keyboard.press('ArrowRight');
    await waitForFocus(page, 'button:italic');
    expect(await tabStops(page, SECTION)).toEqual(['italic']);
    await page.keyboard.press('Space');
    await waitForFocus(page, 'editor');
    await page.keyboard.type(' nghiêng');
    await page.locator(`${editorSelector(SECTION)} em`, { hasText: 'nghiêng' }).waitFor();

    // Back to the button last used; End, Home and wrapping around.
    await page.keyboard.press('Alt+F10');
    await waitForFocus(page, 'button:italic');
    await page.keyboard.press('End');
    await waitForFocus(page, 'button:table');
    await page.keyboard.press('ArrowRight');
    await waitForFocus(page, 'button:bold');
    await page.keyboard.press('ArrowLeft');
    await waitForFocus(page, 'button:table');
    await page.keyboard.press('Home');
    await waitForFocus(page, 'button:bold');

    // Esc goes back to the text, where it was.
    await page.keyboard.press('Escape');
    await waitForFocus(page, 'editor');
    await page.keyboard.type('!');
    await page.locator(`${editorSelector(SECTION)} em`, { hasText: 'nghiêng!' }).waitFor();
  });

  it('is reached with Tab while its editor does not have the focus, and acts on the text', async () => {
    const page = await openReport();
    expect(await shown(page, SECTION)).toBe(false);
    // The section's bar comes after its toolbar: Shift+Tab from it lands on the toolbar.
    await page.getByTestId(`assign-${SECTION}`).focus();
    await page.keyboard.press('Shift+Tab');
    await waitForFocus(page, 'button:bold');
    await waitUntilShown(page, SECTION);

    // "Chèn bảng" from the keyboard: a table, the caret in its first cell.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.locator(`${editorSelector(SECTION)} table`).waitFor();
    await waitForFocus(page, 'editor');
    await page.keyboard.type('Ô đầu');
    await page.locator(`${editorSelector(SECTION)} th`, { hasText: 'Ô đầu' }).waitFor();

    // In a table its buttons join the toolbar, and the arrow keys reach them.
    await page.keyboard.press('Alt+F10');
    await page.keyboard.press('End');
    await waitForFocus(page, 'button:deleteTable');
    await page.keyboard.press('Enter');
    await page.locator(`${editorSelector(SECTION)} table`).waitFor({ state: 'detached' });
  });

  it('inserts an award tally from the keyboard, and gives the focus to its first field', async () => {
    const page = await openReport();
    await typeInSection(page, SECTION, 'end', '');
    await page.keyboard.press('Alt+F10');
    for (let step = 0; step < 10 && (await page.evaluate(describeFocus)) !== 'button:tally'; step += 1) await page.keyboard.press('ArrowRight');
    await waitForFocus(page, 'button:tally');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="editor-${SECTION}"] [data-testid="tally-row-0"]`).waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === 'tally-award-0');
  });
});
