/**
 * The frame's unsent edits are kept in the browser too (the header and footer fields, the opening
 * paragraphs; written by the office): typed while the server is unreachable, they survive a closed tab,
 * count in "N thay đổi chưa gửi" and reach the server exactly once when it is back. When the person may no
 * longer write the frame (their role changed while edits were unsent), nothing is pushed and nothing is
 * silently dropped: the page shows the kept text to copy. A reader keeps no copy of the frame at all.
 *
 * "The server is unreachable" is the page's room sockets refused (routed through Playwright), as in
 * offline.test.ts: the page itself still loads, and the test decides when the server is back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localCopyName } from '../../client/src/collab/localCopy.js';
import { readFrame } from '../../common/frame.js';
import { formatRoomName, PREAMBLE_FRAGMENT } from '../../common/rooms.js';
import { assignSection, call, createReport, createUser } from '../helpers/api.js';
import { byTestId, loginAs, occurrences, useBrowser, waitForSaveState, waitForValue, WAIT_MS } from '../helpers/browser.js';
import { readBrowserCopy, unsentShown } from '../helpers/browserCopies.js';
import { routeRooms } from '../helpers/roomSockets.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { storedDoc } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

/** The opening paragraphs of a frame room's document, one line each. */
function preambleText(doc: Y.Doc): string {
  const lines: string[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText): void => {
    if (node instanceof Y.XmlText) {
      lines.push((node.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
      return;
    }
    for (const child of node.toArray()) if (!(child instanceof Y.XmlHook)) visit(child);
  };
  visit(doc.getXmlFragment(PREAMBLE_FRAGMENT));
  return lines.join('\n');
}

/** What a frame room's document says: the subject (trích yếu) and the opening paragraphs. */
interface FrameText {
  subject: string;
  preamble: string;
}

function frameText(doc: Y.Doc): FrameText {
  return { subject: readFrame(doc).subject, preamble: preambleText(doc) };
}

/** The frame as the server's store holds it. */
async function storedFrame(store: Parameters<typeof storedDoc>[0], room: string): Promise<FrameText> {
  const doc = await storedDoc(store, room);
  try {
    return frameText(doc);
  } finally {
    doc.destroy();
  }
}

/** The names of the browser's IndexedDB databases (the browser copies among them). */
function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).flatMap((database) => (database.name === undefined ? [] : [database.name])));
}

/** The frame the browser's copy `name` holds, or null when there is none. */
function frameCopy(page: Page, name: string): Promise<FrameText | null> {
  return readBrowserCopy(page, name, frameText);
}

/** Waits until the browser's copy `name` holds the subject `subject` and the paragraph `paragraph` (on disk). */
async function waitForFrameCopy(page: Page, name: string, subject: string, paragraph: string): Promise<void> {
  await waitFor(
    async () => {
      const kept = await frameCopy(page, name);
      return kept !== null && kept.subject === subject && kept.preamble.includes(paragraph);
    },
    { timeoutMs: WAIT_MS, what: `the browser copy ${name} to hold the typed subject and paragraph` },
  );
}

/** The opening paragraphs' editor of a page (shown once the frame room holds its content). */
function preambleEditor(page: Page) {
  return page.getByTestId('preamble-editor').locator('.ProseMirror');
}

/** Types at the end of the subject field, then a new paragraph at the end of the opening paragraphs. */
async function typeSubjectAndParagraph(page: Page, subjectTail: string, paragraph: string): Promise<void> {
  const subject = page.getByTestId('frame-subject');
  await subject.click();
  await subject.press('End');
  await page.keyboard.type(subjectTail);
  await preambleEditor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(paragraph);
}

describe("the frame's unsent edits kept in the browser", { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** An office account of its own (the tests change accounts; they must not share one). */
  async function newOffice(username: string) {
    const password = `${username}-mat-khau`;
    const user = await createUser(server().url, server().adminCookie, { username, password, displayName: `Văn phòng ${username}`, role: 'office' });
    return { id: user.id, username, password };
  }

  /** A report whose first section belongs to Phòng Nội vụ (so a Nội vụ editor may still read it). */
  async function newReport(title: string) {
    const report = await createReport(server().url, { title }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, report.sections[0]!.id, workspace().departments.noivu.id);
    return { report, url: `${server().url}/reports/${report.id}`, room: formatRoomName({ reportId: report.id, part: { kind: 'frame' } }) };
  }

  /** Opens `url` as `account` with its room sockets routed; resolves once everything is saved and the frame is writable. */
  async function openRouted(url: string, account: { username: string; password: string }) {
    const page = await browsers.newPage();
    const rooms = await routeRooms(page.context());
    await loginAs(page, url, account.username, account.password);
    await waitForSaveState(page, 'saved');
    await page.locator('[data-testid="frame-header"][data-writable="true"]').waitFor();
    await preambleEditor(page).waitFor();
    return { page, rooms };
  }

  it('keeps a subject and an opening paragraph typed offline through a closed tab, and sends them exactly once', async () => {
    const account = await newOffice('offline-frame-tab');
    const title = 'Sơ kết công tác văn phòng 6 tháng';
    const { url, room } = await newReport(title);
    const copy = localCopyName(account.id, room);
    const { page, rooms } = await openRouted(url, account);
    const before = await storedFrame(server().store, room);
    expect(before.subject).toBe(title);

    await rooms.cut();
    await waitForSaveState(page, 'reconnecting');
    const subject = `${title} (bổ sung ngoại tuyến)`;
    const paragraph = 'Thực hiện Kế hoạch số 07/KH-UBND ngày 12/01/2025 khi mất kết nối.';
    await typeSubjectAndParagraph(page, ' (bổ sung ngoại tuyến)', paragraph);
    await waitForValue(page, byTestId('frame-subject'), subject);
    expect(await unsentShown(page)).toBeGreaterThan(0);
    await waitForFrameCopy(page, copy, subject, paragraph);
    await page.locator('[data-testid="unsent-changes"][data-kept="true"]').waitFor();
    // What the tab held when it closed: the server's frame and the edits made offline, nothing else.
    const kept = await frameCopy(page, copy);
    await page.close();

    // A new tab of the same browser, the server still unreachable: the header and the paragraph are there,
    // editable, marked unsent; the server has neither.
    const again = await page.context().newPage();
    await again.goto(url);
    await waitForValue(again, byTestId('frame-subject'), subject);
    await again.locator('[data-testid="frame-header"][data-writable="true"]').waitFor();
    await preambleEditor(again).getByText(paragraph).waitFor();
    expect(await unsentShown(again)).toBeGreaterThan(0);
    expect(await again.getByTestId('save-state').getAttribute('data-state')).toBe('reconnecting');
    expect(await storedFrame(server().store, room)).toEqual(before);

    rooms.restore();
    await waitForSaveState(again, 'saved');
    await again.getByTestId('unsent-changes').waitFor({ state: 'detached' });
    const stored = await storedFrame(server().store, room);
    expect(stored.subject).toBe(subject);
    expect(occurrences(stored.preamble, paragraph)).toBe(1);
    expect(stored.preamble).toBe(kept?.preamble);
    expect(occurrences(await preambleEditor(again).innerText(), paragraph)).toBe(1);

    // A department's page reads the frame and keeps no copy of it.
    const reader = await browsers.newPage();
    await loginAs(reader, url, workspace().noivu.username, workspace().noivu.password);
    await waitForValue(reader, byTestId('frame-subject'), subject);
    await waitForSaveState(reader, 'saved');
    expect(await databaseNames(reader)).not.toContain(localCopyName(workspace().noivu.id, room));
  });

  /**
   * After the change of role the page learns it from two sides: the rooms close with 4100 (the page asks
   * for the account again) and reconnect at once, as a reader's. Whichever comes first — the page hearing
   * the new role, or the server refusing (4403) the edits the reconnected frame room still offered — the
   * outcome must be the same.
   */
  it.each([
    { first: 'the page learns the new role', user: 'offline-frame-demoted' },
    { first: 'the server refuses the unsent edits', user: 'offline-frame-refused' },
  ])('shows the unsent header and opening paragraph to copy, and sends nothing, when the office became a department editor ($first first)', async ({ first, user }) => {
    const account = await newOffice(user);
    const title = 'Sơ kết công tác cải cách hành chính';
    const { url, room } = await newReport(title);
    const copy = localCopyName(account.id, room);
    const { page, rooms } = await openRouted(url, account);
    const before = await storedFrame(server().store, room);

    // What the page sends from now on never arrives, as when the connection stalls mid-edit.
    rooms.mute();
    const subject = `${title} năm 2025`;
    const paragraph = 'Căn cứ Chương trình công tác năm 2025 của Ủy ban nhân dân huyện.';
    await typeSubjectAndParagraph(page, ' năm 2025', paragraph);
    expect(await unsentShown(page)).toBeGreaterThan(0);
    await waitForFrameCopy(page, copy, subject, paragraph);

    // Either the rooms may not reconnect until the page knows the new role, or the page's questions about
    // the account wait until the server has refused the edits.
    let answerAccount = () => {};
    if (first === 'the page learns the new role') rooms.refuseNew();
    else {
      const answered = new Promise<void>((resolve) => (answerAccount = resolve));
      await page.route('**/api/me', async (route) => {
        await answered;
        await route.continue().catch(() => undefined);
      });
    }

    // The admin makes the account an editor of Phòng Nội vụ: its rooms close with 4100 and reconnect as a reader's.
    const demoted = await call(server().url, server().adminCookie, 'PATCH', `/api/users/${account.id}`, {
      role: 'editor',
      departmentId: workspace().departments.noivu.id,
    });
    expect(demoted.status).toBe(200);
    await rooms.closedBy(room, 4100);
    if (first === 'the page learns the new role') {
      await page.getByTestId('frame-readonly').waitFor();
      rooms.restore();
    } else {
      await rooms.closedBy(room, 4403);
      answerAccount();
    }

    const reason = 'Bạn không còn quyền soạn phần đầu, phần mở đầu và phần cuối văn bản — nội dung bạn chưa gửi được giữ lại bên dưới để sao chép';
    await page.getByTestId('kept-reason-frame').filter({ hasText: reason }).waitFor();
    const kept = await page.getByTestId('kept-text-frame').innerText();
    expect(kept).toContain(`Trích yếu nội dung: ${subject}`);
    expect(kept).toContain(paragraph);
    // The header and the paragraphs show what the server has, read-only, and the page is saved.
    await page.getByTestId('frame-readonly').waitFor();
    await waitForValue(page, byTestId('frame-subject'), title);
    expect(await preambleEditor(page).getAttribute('contenteditable')).toBe('false');
    expect(await preambleEditor(page).innerText()).not.toContain(paragraph);
    await waitForSaveState(page, 'saved');
    expect(await page.getByTestId('unsent-changes').count()).toBe(0);
    expect(await storedFrame(server().store, room)).toEqual(before);
    expect(rooms.wasClosedBy(room, 4403)).toBe(first === 'the server refuses the unsent edits');

    // Kept across a reload, until the person removes it from this computer; never sent.
    await page.reload();
    await page.getByTestId('kept-text-frame').filter({ hasText: paragraph }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('kept-discard-frame').click();
    await page.getByTestId('kept-frame').waitFor({ state: 'detached' });
    await waitFor(async () => (await frameCopy(page, copy)) === null, { timeoutMs: WAIT_MS, what: 'the browser copy to be deleted' });
    expect(await storedFrame(server().store, room)).toEqual(before);
  });
});
