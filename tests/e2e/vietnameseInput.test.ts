/**
 * Vietnamese typed with the input methods people use (issue 12, item 5), while someone else's edit arrives
 * in the same paragraph in the middle of the word: the word comes out right, once, in NFC — on the page,
 * in the other person's page and in the store.
 *
 * Two ways input methods send a word, both driven here as Chromium receives them:
 * - composing in place (IBus/Fcitx Unikey on Linux, macOS): composition events, each update replacing the
 *   word so far ("V", "Vi", "Vie", "Viê", "Việ", "Việt"), then the word committed — through CDP
 *   `Input.imeSetComposition` and `Input.insertText`, the calls Chromium's own IME path takes;
 * - backspace and retype (UniKey, EVKey on Windows): plain keys, and at a key that changes a letter the
 *   input method sends Backspace for what it replaces, then the new letters as text — UniKey only the
 *   changed letters, EVKey the whole word.
 * Telex ("Vieejt") and VNI ("Vie6t5") give different steps; some settings compose decomposed text.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sectionRoom } from '../../common/rooms.js';
import { createReport } from '../helpers/api.js';
import { editorSelector, editorText, loginAs, typeInSection, useBrowser, waitForEditorText, waitForSaveState } from '../helpers/browser.js';
import { useRoomClients } from '../helpers/roomClients.js';
import { sectionText } from '../helpers/sectionText.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const SECTION = 'kien-nghi';
/** What the paragraph holds before the word, and what the other person types at its start meanwhile. */
const BEFORE = 'Nước ';
const REMOTE = 'Tên: ';
const EXPECTED = `${REMOTE}${BEFORE}Việt`;

const isNfc = (text: string) => text === text.normalize('NFC');

/** One step of an input method: a composition update, a key, Backspaces, or text sent as typed. */
type Step = { compose: string } | { commit: string } | { key: string } | { backspace: number } | { text: string } | 'remote';

describe('Vietnamese input methods with a remote edit mid-word', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const openRoom = useRoomClients(server, () => server().adminCookie);

  /** A report open in two browsers, the section holding "Nước " with A's caret after it. */
  async function twoPeople(): Promise<{ reportId: string; a: Page; b: Page }> {
    const report = await createReport(server().url, {}, server().adminCookie);
    const url = `${server().url}/reports/${report.id}`;
    const [a, b] = [await browsers.newPage(), await browsers.newPage()];
    await Promise.all([loginAs(a, url, 'admin', server().adminPassword), loginAs(b, url, 'admin', server().adminPassword)]);
    await Promise.all([waitForSaveState(a, 'saved'), waitForSaveState(b, 'saved')]);
    await typeInSection(a, SECTION, 'end', BEFORE);
    await waitForEditorText(b, SECTION, BEFORE);
    return { reportId: report.id, a, b };
  }

  /** B types `REMOTE` at the start of the paragraph; resolves once A shows it. */
  async function remoteEdit(a: Page, b: Page): Promise<void> {
    await b.locator(editorSelector(SECTION)).click();
    await b.keyboard.press('Control+Home');
    await b.keyboard.type(REMOTE);
    await waitForEditorText(a, SECTION, REMOTE);
  }

  /** Resolves after the page has drawn a frame: what it was sent has been handled. */
  const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

  async function run(a: Page, b: Page, cdp: CDPSession, steps: readonly Step[]): Promise<void> {
    let moved = false;
    for (const step of steps) {
      if (step === 'remote') {
        await remoteEdit(a, b);
        moved = true;
      } else if ('compose' in step) {
        await cdp.send('Input.imeSetComposition', { text: step.compose, selectionStart: step.compose.length, selectionEnd: step.compose.length });
        // Each update shows as the input method sent it. Once a remote edit has moved the word, Chromium's
        // composition range (offsets in a text node the editor has redrawn) may show an update one step
        // late: only the committed word is checked then.
        if (moved) await nextFrame(a);
        else await waitForEditorText(a, SECTION, step.compose);
      } else if ('commit' in step) await cdp.send('Input.insertText', { text: step.commit });
      else if ('key' in step) await a.keyboard.type(step.key);
      else if ('backspace' in step) for (let count = 0; count < step.backspace; count += 1) await a.keyboard.press('Backspace');
      else await a.keyboard.insertText(step.text);
    }
  }

  /** Types the word with `steps` in A's browser and checks it everywhere. */
  async function typeWord(steps: readonly Step[]): Promise<void> {
    const { reportId, a, b } = await twoPeople();
    const cdp = await a.context().newCDPSession(a);
    try {
      await run(a, b, cdp, steps);
    } finally {
      await cdp.detach();
    }
    for (const page of [a, b]) {
      await waitFor(async () => (await editorText(page, SECTION)) === EXPECTED, { what: `"${EXPECTED}" on a page`, timeoutMs: 15_000 }).catch(async (error: unknown) => {
        throw new Error(`${String(error)}; the page shows "${await editorText(page, SECTION)}"`);
      });
    }
    await Promise.all([waitForSaveState(a, 'saved'), waitForSaveState(b, 'saved')]);
    const client = await openRoom(sectionRoom(reportId, SECTION));
    expect(sectionText(client.doc)).toBe(EXPECTED);
    expect(isNfc(sectionText(client.doc))).toBe(true);
  }

  it('Telex composed in place: V, Vi, Vie, Viê, Việ, Việt', async () => {
    await typeWord([{ compose: 'V' }, { compose: 'Vi' }, { compose: 'Vie' }, { compose: 'Viê' }, 'remote', { compose: 'Việ' }, { compose: 'Việt' }, { commit: 'Việt' }]);
  });

  it('Telex composed in place with decomposed letters, as some settings send them', async () => {
    const steps: Step[] = ['V', 'Vi', 'Vie', 'Vie\u0302', 'Vie\u0323\u0302', 'Vie\u0323\u0302t'].map((compose) => ({ compose }));
    await typeWord([...steps.slice(0, 4), 'remote', ...steps.slice(4), { commit: 'Vie\u0323\u0302t' }]);
  });

  it('VNI composed in place: V, Vi, Vie, Viê (6), Viêt, Việt (5)', async () => {
    await typeWord([{ compose: 'V' }, { compose: 'Vi' }, { compose: 'Vie' }, { compose: 'Viê' }, { compose: 'Viêt' }, 'remote', { compose: 'Việt' }, { commit: 'Việt' }]);
  });

  it('Telex by backspace and retype, UniKey style: only the changed letter is replaced', async () => {
    await typeWord([{ key: 'Vie' }, { backspace: 1 }, { text: 'ê' }, 'remote', { backspace: 1 }, { text: 'ệ' }, { key: 't' }]);
  });

  it('Telex by backspace and retype, EVKey style: the whole word is deleted and typed again', async () => {
    await typeWord([{ key: 'Vie' }, { backspace: 3 }, { text: 'Viê' }, 'remote', { backspace: 3 }, { text: 'Việ' }, { key: 't' }]);
  });

  it('VNI by backspace and retype: "Vie6t5", the tone retyping the letters after the vowel', async () => {
    await typeWord([{ key: 'Vie' }, { backspace: 1 }, { text: 'ê' }, { key: 't' }, 'remote', { backspace: 2 }, { text: 'ệt' }]);
  });
});
