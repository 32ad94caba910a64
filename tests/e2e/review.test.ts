/**
 * The review in three browsers at once (issue 9): the chairperson and two departments. The chair selects
 * text in a section she may not write and comments, mentioning its department; both departments see the
 * highlight and the card live; the owner replies and resolves; the chair suggests an edit, the owner
 * accepts it and the text changes in every browser. Also: a stale suggestion refused with a clear message,
 * a thread whose text was deleted, card ↔ text selection, and the whole comment flow by keyboard alone.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../common/report.js';
import { assignSection, call, createReport, login } from '../helpers/api.js';
import { editorSelector, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';

/**
 * Selects the first occurrence of `words` in a section's editor by dragging the mouse over it, as a person
 * does (the text may run across highlights and lines).
 */
async function selectWords(page: Page, sectionId: string, words: string): Promise<void> {
  const ends = await page.evaluate(
    ({ selector, target }) => {
      const root = document.querySelector<HTMLElement>(selector);
      if (root === null) return null;
      // The text nodes of the document, without widgets (a suggestion's new text) and carets.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('.suggestion-new, .collaboration-carets__caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
      const text = nodes.map((node) => node.data).join('');
      const start = text.indexOf(target);
      if (start < 0) return null;
      /** The box of the character at `offset` of the joined text. */
      const box = (offset: number) => {
        let passed = 0;
        for (const node of nodes) {
          if (offset < passed + node.length) {
            const range = document.createRange();
            range.setStart(node, offset - passed);
            range.setEnd(node, offset - passed + 1);
            const rect = range.getClientRects()[0]!;
            return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
          }
          passed += node.length;
        }
        throw new Error('past the end');
      };
      const first = box(start);
      const last = box(start + target.length - 1);
      return { from: { x: first.left + 1, y: first.y }, to: { x: last.right - 1, y: last.y } };
    },
    { selector: editorSelector(sectionId), target: words },
  );
  expect(ends, `"${words}" in ${sectionId}`).not.toBeNull();
  await page.mouse.move(ends!.from.x, ends!.from.y);
  await page.mouse.down();
  await page.mouse.move(ends!.to.x, ends!.to.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe(words);
}

/** The text of the comment highlights of a section, joined. */
function highlighted(page: Page, sectionId: string, kind = 'comment-highlight'): Promise<string> {
  return page.locator(`${editorSelector(sectionId)} .${kind}`).allTextContents().then((parts) => parts.join(''));
}

describe('reviewing a report in three browsers', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** A report with `tham-muu` for Nội vụ (holding `text`) and `ket-qua` for VHTT, open as chair, Nội vụ and VHTT. */
  async function openReview(text: string) {
    const report = await createReport(server().url, { title: 'Báo cáo sơ kết công tác thi đua' }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, 'tham-muu', workspace().departments.noivu.id);
    await assignSection(server().url, officeCookie(), report.id, 'ket-qua', workspace().departments.vhtt.id);
    const url = `${server().url}/reports/${report.id}`;
    const [chair, noivu, vhtt] = await Promise.all([browsers.newPage(), browsers.newPage(), browsers.newPage()]);
    await Promise.all([
      loginAs(chair, url, workspace().chair.username, workspace().chair.password),
      loginAs(noivu, url, workspace().noivu.username, workspace().noivu.password),
      loginAs(vhtt, url, workspace().vhtt.username, workspace().vhtt.password),
    ]);
    await waitForSaveState(noivu, 'saved');
    await typeInSection(noivu, 'tham-muu', 'end', text);
    await waitForSaveState(noivu, 'saved');
    for (const page of [chair, vhtt]) await waitForEditorText(page, 'tham-muu', text);
    return { chair, noivu, vhtt, pages: [chair, noivu, vhtt] };
  }

  it('the chair comments on a department’s read-only text; every browser sees it live; the owner replies and resolves', async () => {
    const { chair, noivu, vhtt, pages } = await openReview('Đã tặng 12 Bằng khen cho các tập thể.');

    await selectWords(chair, 'tham-muu', '12 Bằng khen');
    await chair.getByTestId('add-comment').click();
    const input = chair.getByTestId('composer-input');
    await input.pressSequentially('Kiểm tra lại số liệu, @noi');
    // "@" offers the departments and people who may read the report, accents ignored.
    await chair.getByTestId('composer-input-mentions').getByRole('option', { name: /Phòng Nội vụ/ }).waitFor();
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toContain('@Phòng Nội vụ ');
    await input.press('Enter');

    for (const page of pages) {
      await expect.poll(() => highlighted(page, 'tham-muu')).toBe('12 Bằng khen');
      await page.locator('[data-testid^="thread-"]').filter({ hasText: 'Kiểm tra lại số liệu' }).waitFor();
    }
    const card = noivu.locator('article[data-testid^="thread-"]').first();
    await expect.poll(() => card.locator('.review-mention').textContent()).toBe('@Phòng Nội vụ');
    // Nội vụ was mentioned and has not opened it yet.
    await card.locator('.review-unread').waitFor();

    // Clicking the highlight selects the card.
    await noivu.locator(`${editorSelector('tham-muu')} .comment-highlight`).click();
    await expect.poll(() => card.getAttribute('aria-current')).toBe('true');
    await card.locator('.review-unread').waitFor({ state: 'detached' });
    const threadId = ((await card.getAttribute('data-testid')) ?? '').replace('thread-', '');
    await noivu.getByTestId(`reply-input-${threadId}`).fill('Đã kiểm tra: đúng 12.');
    await noivu.getByTestId(`reply-send-${threadId}`).click();
    for (const page of pages) await page.getByTestId(`thread-${threadId}`).filter({ hasText: 'Đã kiểm tra: đúng 12.' }).waitFor();

    // VHTT neither wrote it nor owns the section: no resolve button, even when selected.
    await vhtt.getByTestId(`thread-${threadId}`).click();
    await expect.poll(() => vhtt.getByTestId(`thread-${threadId}`).getAttribute('aria-current')).toBe('true');
    expect(await vhtt.getByTestId(`resolve-${threadId}`).count()).toBe(0);

    await noivu.getByTestId(`resolve-${threadId}`).click();
    for (const page of pages) {
      await page.getByTestId(`thread-${threadId}`).waitFor({ state: 'detached' });
      await expect.poll(() => highlighted(page, 'tham-muu')).toBe('');
    }
    // Resolved threads stay available, and can be reopened.
    await chair.getByTestId('toggle-resolved').click();
    await chair.getByTestId(`reopen-${threadId}`).click();
    await expect.poll(() => highlighted(noivu, 'tham-muu')).toBe('12 Bằng khen');

    // A chair who prefers Word reads the open thread there, as a Word comment.
    const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('export-docx-comments').click()]);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    expect(comments).toContain('Kiểm tra lại số liệu');
    expect(comments).toContain('Đã kiểm tra: đúng 12.');
  });

  it('the chair suggests an edit, the owner accepts it, and the text changes in every browser', async () => {
    const { chair, noivu, vhtt, pages } = await openReview('Đã tặng 12 Bằng khen cho tập thể.');

    await selectWords(chair, 'tham-muu', 'tập thể');
    await chair.getByTestId('add-suggestion').click();
    const input = chair.getByTestId('composer-input');
    await expect.poll(() => input.inputValue()).toBe('tập thể');
    await input.fill('các tập thể tiêu biểu');
    await input.press('Enter');

    for (const page of pages) {
      await expect.poll(() => highlighted(page, 'tham-muu', 'suggestion-old')).toBe('tập thể');
      await expect.poll(() => highlighted(page, 'tham-muu', 'suggestion-new')).toBe('các tập thể tiêu biểu');
    }
    // Only whoever may write the section decides: not VHTT, not the chair.
    const card = noivu.locator('article[data-testid^="suggestion-"]').first();
    const suggestionId = ((await card.getAttribute('data-testid')) ?? '').replace('suggestion-', '');
    expect(await vhtt.getByTestId(`accept-${suggestionId}`).count()).toBe(0);
    expect(await chair.getByTestId(`accept-${suggestionId}`).count()).toBe(0);

    await noivu.getByTestId(`accept-${suggestionId}`).click();
    for (const page of pages) {
      await waitForEditorText(page, 'tham-muu', 'Đã tặng 12 Bằng khen cho các tập thể tiêu biểu.');
      await expect.poll(() => highlighted(page, 'tham-muu', 'suggestion-old')).toBe('');
    }
  });

  it('refuses to accept a suggestion whose text changed since, saying why', async () => {
    const { chair, noivu } = await openReview('Khen thưởng 30 cá nhân.');
    await selectWords(chair, 'tham-muu', '30 cá nhân');
    await chair.getByTestId('add-suggestion').click();
    await chair.getByTestId('composer-input').fill('31 cá nhân');
    await chair.getByTestId('composer-input').press('Enter');
    const card = noivu.locator('article[data-testid^="suggestion-"]').first();
    await card.waitFor();
    const suggestionId = ((await card.getAttribute('data-testid')) ?? '').replace('suggestion-', '');

    // Nội vụ edits inside the suggested text: "30" becomes "32".
    await selectWords(noivu, 'tham-muu', '0 cá');
    await noivu.keyboard.type('2 cá');
    await waitForSaveState(noivu, 'saved');
    await noivu.getByTestId(`accept-${suggestionId}`).click();
    await noivu.getByTestId(`suggestion-stale-${suggestionId}`).waitFor();
    // Nothing was replaced: the suggestion stays open over the edited text, in every browser.
    for (const page of [chair, noivu]) {
      await expect.poll(() => highlighted(page, 'tham-muu', 'suggestion-old')).toBe('32 cá nhân');
      await expect.poll(() => highlighted(page, 'tham-muu', 'suggestion-new')).toBe('31 cá nhân');
    }
  });

  it('keeps a thread whose text was deleted, with its quote, and selects text from a card', async () => {
    const { chair, noivu } = await openReview('Tổ chức hội nghị điển hình tiên tiến. Biểu dương 5 tập thể.');
    await selectWords(chair, 'tham-muu', 'Biểu dương 5 tập thể');
    await chair.getByTestId('add-comment').click();
    await chair.getByTestId('composer-input').fill('Nêu tên các tập thể');
    await chair.getByTestId('composer-input').press('Enter');
    const card = noivu.locator('article[data-testid^="thread-"]').first();
    await card.waitFor();

    // A click on the card selects its text: the highlight turns active.
    await card.click();
    await noivu.locator(`${editorSelector('tham-muu')} .comment-highlight.is-active`).waitFor();

    await selectWords(noivu, 'tham-muu', ' Biểu dương 5 tập thể');
    await noivu.keyboard.press('Backspace');
    for (const page of [chair, noivu]) {
      await page.locator('[data-testid^="thread-detached-"]').filter({ hasText: 'Biểu dương 5 tập thể' }).waitFor();
      await expect.poll(() => highlighted(page, 'tham-muu')).toBe('');
    }
  });

  it('leaves an approved section approved when its department opens it (opening is no edit)', async () => {
    const { noivu } = await openReview('Đã tặng 12 Bằng khen cho các tập thể.');
    await noivu.close();
    const chairCookie = await login(server().url, workspace().chair.username, workspace().chair.password);
    const reportId = new URL(noivu.url()).pathname.split('/').pop()!;
    const approve = await call(server().url, chairCookie, 'PUT', `/api/reports/${reportId}/sections/tham-muu/review`, { state: 'approved' });
    expect(approve.status).toBe(200);

    const again = await browsers.newPage();
    await loginAs(again, `${server().url}/reports/${reportId}`, workspace().noivu.username, workspace().noivu.password);
    await waitForEditorText(again, 'tham-muu', 'Đã tặng 12 Bằng khen');
    await waitForSaveState(again, 'saved');
    await again.locator('[data-testid="verdict-tham-muu"][data-state="approved"]').waitFor();
    const report = (await (await call(server().url, chairCookie, 'GET', `/api/reports/${reportId}`)).json()) as Report;
    expect(report.sections.find((section) => section.id === 'tham-muu')?.review?.state).toBe('approved');
  });

  it('comments, replies and resolves with the keyboard alone', async () => {
    const { chair, noivu } = await openReview('Công tác khen thưởng kịp thời.');
    // Nội vụ selects the last word of its own section with Shift+arrows and comments with Ctrl+Alt+M.
    await noivu.locator(editorSelector('tham-muu')).focus();
    await noivu.keyboard.press('Control+End');
    await noivu.keyboard.press('ArrowLeft');
    for (let step = 0; step < 'kịp thời'.length; step += 1) await noivu.keyboard.press('Shift+ArrowLeft');
    await noivu.keyboard.press('Control+Alt+KeyM');
    await expect.poll(() => noivu.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-input');
    await noivu.keyboard.type('Ghi rõ thời gian');
    await noivu.keyboard.press('Enter');

    // The new card takes the keyboard; Tab reaches its reply box, then its resolve button.
    await expect.poll(() => noivu.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')).toMatch(/^thread-/);
    const threadId = (await noivu.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')).replace('thread-', '');
    await expect.poll(() => highlighted(chair, 'tham-muu')).toBe('kịp thời');
    await noivu.keyboard.press('Tab');
    await noivu.keyboard.type('Trong tháng 6');
    await noivu.keyboard.press('Enter');
    await chair.getByTestId(`thread-${threadId}`).filter({ hasText: 'Trong tháng 6' }).waitFor();
    await noivu.keyboard.press('Tab');
    await expect.poll(() => noivu.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`resolve-${threadId}`);
    await noivu.keyboard.press('Enter');
    await chair.getByTestId(`thread-${threadId}`).waitFor({ state: 'detached' });
  });
});
