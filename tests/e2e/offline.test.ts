/**
 * Offline edits are never lost (issue 8, item 7): what a department types while the server is unreachable
 * is kept in the browser (y-indexeddb, per account and room), shown as "N thay đổi chưa gửi", and sent
 * exactly once when the person is back with the right to write — after a closed tab, after their session
 * ended and they signed in again. When the section was given to another department meanwhile, the page
 * says so and shows the text to copy instead of pushing it into the room or dropping it.
 *
 * "The server is unreachable" is the page's room sockets refused (routed through Playwright): the page
 * itself still loads, as it would from the browser's cache, and the test decides when the server is back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localCopyName } from '../../client/src/collab/localCopy.js';
import type { Department } from '../../common/account.js';
import type { Report } from '../../common/report.js';
import { assignSection, call, createReport, createUser } from '../helpers/api.js';
import {
  editorText,
  loginAs,
  occurrences,
  typeInSection,
  useBrowser,
  waitForEditable,
  waitForEditorText,
  waitForSaveState,
  WAIT_MS,
} from '../helpers/browser.js';
import { readBrowserCopy, unsentShown } from '../helpers/browserCopies.js';
import { routeRooms } from '../helpers/roomSockets.js';
import { sectionText } from '../helpers/sectionText.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

/** The section text of the browser's copy `name`, or null when there is none. */
function localCopyText(page: Page, name: string): Promise<string | null> {
  return readBrowserCopy(page, name, sectionText);
}

/** Waits until the browser's copy `name` holds `text` (on disk: a closed tab keeps it). */
async function waitForLocalCopy(page: Page, name: string, text: string): Promise<void> {
  await waitFor(async () => (await localCopyText(page, name))?.includes(text) === true, {
    timeoutMs: WAIT_MS,
    what: `the browser copy ${name} to hold "${text}"`,
  });
}

/** Fills in the sign-in form the page shows now, and waits until someone is signed in. */
async function signInHere(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('current-user').waitFor();
}

describe('unsent edits kept in the browser', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** An editor account of its own in `department` (the tests change accounts; they must not share one). */
  async function newEditor(username: string, department: Department) {
    const password = `${username}-mat-khau`;
    const user = await createUser(server().url, server().adminCookie, {
      username,
      password,
      displayName: `Chuyên viên ${username}`,
      role: 'editor',
      departmentId: department.id,
    });
    return { id: user.id, username, password };
  }

  /** A report whose sections I and II belong to `department`, the rest to Phòng Nội vụ's neighbour or none. */
  async function reportOf(department: Department): Promise<{ report: Report; one: string; two: string }> {
    const report = await createReport(server().url, { title: 'Sơ kết công tác 6 tháng' }, officeCookie());
    const [one, two] = report.sections.map((section) => section.id);
    if (one === undefined || two === undefined) throw new Error('the template has fewer than two sections');
    await assignSection(server().url, officeCookie(), report.id, one, department.id);
    await assignSection(server().url, officeCookie(), report.id, two, department.id);
    return { report, one, two };
  }

  /** Opens `url` signed in as `account`, with the room sockets switchable; resolves once everything is saved. */
  async function openSwitchable(url: string, account: { username: string; password: string }) {
    const page = await browsers.newPage();
    const rooms = await routeRooms(page.context());
    await loginAs(page, url, account.username, account.password);
    await waitForSaveState(page, 'saved');
    return { page, rooms };
  }

  it('keeps text typed offline through a closed tab, says it is not sent, and sends it exactly once when the server is back', async () => {
    const account = await newEditor('offline-tab', workspace().departments.noivu);
    const { report, one } = await reportOf(workspace().departments.noivu);
    const url = `${server().url}/reports/${report.id}`;
    const room = `${report.id}/section/${one}`;
    const copy = localCopyName(account.id, room);
    const { page, rooms } = await openSwitchable(url, account);
    await waitForEditable(page, one, true);

    await rooms.cut();
    await waitForSaveState(page, 'reconnecting');
    const typed = ' Phòng đã rà soát 12 hồ sơ khi mất kết nối.';
    await typeInSection(page, one, 'end', typed);
    await waitForEditorText(page, one, typed);
    expect(await unsentShown(page)).toBeGreaterThan(0);
    await waitForLocalCopy(page, copy, typed);
    await page.locator('[data-testid="unsent-changes"][data-kept="true"]').waitFor();
    await page.close();

    // A new tab of the same browser, the server still unreachable: the text is there, marked unsent.
    const again = await page.context().newPage();
    await again.goto(url);
    await waitForEditorText(again, one, typed);
    expect(await unsentShown(again)).toBeGreaterThan(0);
    expect(await again.getByTestId('save-state').getAttribute('data-state')).toBe('reconnecting');
    expect(await storedText(server().store, room)).not.toContain(typed.trim());

    rooms.restore();
    await waitForSaveState(again, 'saved');
    await again.getByTestId('unsent-changes').waitFor({ state: 'detached' });
    expect(occurrences(await storedText(server().store, room), typed.trim())).toBe(1);
    expect(occurrences(await editorText(again, one), typed.trim())).toBe(1);
  });

  it('sends text typed offline after the session ended and the same account signed in again — never as another account', async () => {
    const account = await newEditor('offline-reset', workspace().departments.noivu);
    const colleague = await newEditor('offline-colleague', workspace().departments.noivu);
    const { report, one } = await reportOf(workspace().departments.noivu);
    const url = `${server().url}/reports/${report.id}`;
    const room = `${report.id}/section/${one}`;
    const copy = localCopyName(account.id, room);
    const { page, rooms } = await openSwitchable(url, account);
    await waitForEditable(page, one, true);

    await rooms.cut();
    await waitForSaveState(page, 'reconnecting');
    const typed = ' Đề xuất bổ sung 02 biên chế cho bộ phận một cửa.';
    await typeInSection(page, one, 'end', typed);
    await waitForLocalCopy(page, copy, typed);

    // Meanwhile the admin resets the account's password: its session ends.
    const newPassword = 'mat-khau-moi-sau-dat-lai';
    const reset = await call(server().url, server().adminCookie, 'PUT', `/api/users/${account.id}/password`, { password: newPassword });
    expect(reset.status).toBeLessThan(300);

    rooms.restore();
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/reports/${report.id}`);
    expect(await localCopyText(page, copy)).toContain(typed.trim());

    // A colleague signs in at this computer first: the account's unsent text is not theirs to see or send.
    await signInHere(page, colleague.username, colleague.password);
    await waitForSaveState(page, 'saved');
    await waitForEditable(page, one, true);
    expect(await editorText(page, one)).not.toContain(typed.trim());
    expect(await page.getByTestId('unsent-changes').count()).toBe(0);
    expect(await storedText(server().store, room)).not.toContain(typed.trim());
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect(await localCopyText(page, copy)).toContain(typed.trim());

    // The account itself, with its new password: the paragraph is in the section and on the server.
    await signInHere(page, account.username, newPassword);
    await page.goto(url);
    await waitForEditorText(page, one, typed);
    await waitForSaveState(page, 'saved');
    await page.getByTestId('unsent-changes').waitFor({ state: 'detached' });
    expect(occurrences(await storedText(server().store, room), typed.trim())).toBe(1);
  });

  it('shows why, and the unsent text to copy, when the section was given to another department while typing offline', async () => {
    const account = await newEditor('offline-moved', workspace().departments.vhtt);
    // Both sections are VHTT's: after losing section I the report is still shared with it.
    const { report, one, two } = await reportOf(workspace().departments.vhtt);
    const url = `${server().url}/reports/${report.id}`;
    const room = `${report.id}/section/${one}`;
    const copy = localCopyName(account.id, room);
    const { page, rooms } = await openSwitchable(url, account);
    await waitForEditable(page, one, true);
    const before = await storedText(server().store, room);

    await rooms.cut();
    await waitForSaveState(page, 'reconnecting');
    const typed = ' Tuyên truyền 45 tin, bài trên cổng thông tin điện tử.';
    await typeInSection(page, one, 'end', typed);
    await waitForLocalCopy(page, copy, typed);

    await assignSection(server().url, officeCookie(), report.id, one, workspace().departments.noivu.id);
    rooms.restore();

    const reason = 'Phần này đã được giao cho Phòng Nội vụ — nội dung bạn chưa gửi được giữ lại bên dưới để sao chép';
    await page.getByTestId(`kept-reason-${one}`).filter({ hasText: reason }).waitFor();
    expect(await page.getByTestId(`kept-text-${one}`).innerText()).toContain(typed.trim());
    // The section itself shows what the server has, read-only — not a blank page, not the refused text.
    await waitForEditable(page, one, false);
    await waitForEditorText(page, one, before.split('\n')[0] ?? '');
    expect(await editorText(page, one)).not.toContain(typed.trim());
    await waitForEditable(page, two, true);
    await waitForSaveState(page, 'saved');
    expect(await storedText(server().store, room)).toBe(before);

    // Kept across a reload, until the person removes it from this computer.
    await page.reload();
    await page.getByTestId(`kept-text-${one}`).filter({ hasText: typed.trim() }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId(`kept-discard-${one}`).click();
    await page.getByTestId(`kept-${one}`).waitFor({ state: 'detached' });
    await waitFor(async () => (await localCopyText(page, copy)) === null, {
      timeoutMs: WAIT_MS,
      what: 'the browser copy to be deleted',
    });
    expect(await storedText(server().store, room)).toBe(before);
  });
});
