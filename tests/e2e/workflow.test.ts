/**
 * A report from draft to issued in Chromium (issue 10, items 1–2): the office, the chairperson and a
 * department in browsers of their own. Each sees the status change live, without a reload, and only the
 * buttons its role may press now — a department none. The office issues with the proposed number; then
 * every page is read-only with "Đã ban hành — chỉ xem", the header prints the number and date, the review
 * can no longer change, and the downloaded file's SHA-256 is the one shown. Also: the chairperson sends a
 * report back to draft (asked first); a number another issued report holds is refused in the dialog, and
 * so is an issue of a report sent back to draft meanwhile; the dialog works by keyboard alone; and a page
 * that has not heard of the issue yet, refused on its next write, learns it from that refusal and stays
 * read-only instead of reconnecting to write again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NextNumber } from '../../common/api/workflow.js';
import { formatPlaceDate } from '../../common/nd30Format.js';
import type { Report, ReportStatus } from '../../common/report.js';
import { localDate } from '../../common/workflow.js';
import { assignSection, call, createReport, type Account } from '../helpers/api.js';
import { editorSelector, editorText, holdableRoom, loginAs, tryToType, useBrowser, waitForEditable, waitForSaveState } from '../helpers/browser.js';
import { fillForIssue } from '../helpers/issuable.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { makeSigningIdentity, signedPdf } from '../helpers/signedPdf.js';
import { useServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';

const STATUS: Record<ReportStatus, string> = { draft: 'Dự thảo', review: 'Đang xem xét', approved: 'Đã duyệt', issued: 'Đã ban hành' };
const ISSUED_NOTE = 'Đã ban hành — chỉ xem';
const SYMBOL = 'BC-UBND';

/** Today as the agency reads it, `YYYY-MM-DD` and as the dialog writes it. */
function today(): { iso: string; shown: string } {
  const iso = localDate(new Date());
  const [year, month, day] = iso.split('-');
  return { iso, shown: `${day}/${month}/${year}` };
}

/** Waits until the page's workflow bar shows `status`. */
async function waitForStatus(page: Page, status: ReportStatus): Promise<void> {
  await page.locator(`[data-testid="workflow-status"][data-status="${status}"]`).filter({ hasText: STATUS[status] }).waitFor();
}

/** The workflow buttons the page offers now, by the status each moves to (rendered with the status). */
function buttons(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="workflow-to-"]').evaluateAll((found) => found.map((button) => button.getAttribute('data-testid')!.slice('workflow-to-'.length)));
}

function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

describe('the workflow in the browser, from draft to issued', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  beforeAll(async () => {
    // The agency's symbol makes the report's "BC-UBND"; the place is printed before the date.
    const settings = { agencyName: 'ỦY BAN NHÂN DÂN XÃ LẤP VÒ', parentAgencyName: 'UBND TỈNH ĐỒNG THÁP', placeName: 'Lấp Vò', agencySymbol: 'UBND' };
    expect((await call(server().url, server().adminCookie, 'PUT', '/api/workspace', settings)).status).toBe(200);
  });
  // Signed in once the settings are stored: beforeAll hooks run in the order they are registered.
  const officeCookie = useSession(server, () => workspace().office);
  const chairCookie = useSession(server, () => workspace().chair);

  /** A report with section I given to Nội vụ and section II to VHTT, moved by REST to `status`. */
  async function reportAt(status: 'draft' | 'review' | 'approved'): Promise<Report> {
    const report = await createReport(server().url, { title: 'Sơ kết công tác thi đua 6 tháng' }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, 'tham-muu', workspace().departments.noivu.id);
    await assignSection(server().url, officeCookie(), report.id, 'ket-qua', workspace().departments.vhtt.id);
    // Issue 12: the form checker lets through only a report with its parts written.
    await fillForIssue(server(), officeCookie(), report);
    const path: Array<['review' | 'approved', string]> = [['review', officeCookie()], ['approved', chairCookie()]];
    for (const [to, cookie] of path.slice(0, ['draft', 'review', 'approved'].indexOf(status))) await move(report.id, to, cookie);
    return report;
  }

  async function move(reportId: string, to: ReportStatus, cookie: string, extra: { number?: string; date?: string } = {}): Promise<Report> {
    const response = await call(server().url, cookie, 'POST', `/api/reports/${reportId}/status`, { to, ...extra });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Report;
  }

  async function nextNumber(reportId: string): Promise<string> {
    const response = await call(server().url, officeCookie(), 'GET', `/api/reports/${reportId}/next-number`);
    return ((await response.json()) as NextNumber).number;
  }

  /** The report page of `account`, every room synced; marked, so that a reload would show. */
  async function openReport(account: Account, report: Report, before?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browsers.newPage();
    await before?.(page);
    await loginAs(page, `${server().url}/reports/${report.id}`, account.username, account.password);
    await waitForSaveState(page, 'saved');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    return page;
  }

  async function expectNotReloaded(page: Page): Promise<void> {
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  }

  /** Everything an issued report's page shows read-only, with the reason, and the header's number and date. */
  async function expectIssuedPage(page: Page, report: Report, number: string, isoDate: string): Promise<void> {
    await waitForStatus(page, 'issued');
    for (const section of report.sections) {
      await page.getByTestId(`readonly-${section.id}`).filter({ hasText: ISSUED_NOTE }).waitFor();
      await waitForEditable(page, section.id, false);
    }
    for (const note of ['frame-readonly', 'frame-footer-readonly']) await page.getByTestId(note).filter({ hasText: ISSUED_NOTE }).waitFor();
    await page.locator('[data-testid="preamble-editor"] .ProseMirror[contenteditable="false"]').waitFor();
    expect(await page.getByTestId('frame-subject').getAttribute('readonly')).not.toBeNull();
    await page.getByTestId('frame-number-line').filter({ hasText: `Số: ${number}/${SYMBOL}` }).waitFor();
    await page.getByTestId('frame-place-date').filter({ hasText: formatPlaceDate('Lấp Vò', isoDate) }).waitFor();
  }

  it('goes from draft to issued, live on every page, with each button only for its role', async () => {
    const report = await reportAt('draft');
    const [office, chair, noivu] = await Promise.all([
      openReport(workspace().office, report),
      openReport(workspace().chair, report),
      openReport(workspace().noivu, report),
    ]);
    for (const page of [office, chair, noivu]) await waitForStatus(page, 'draft');
    expect(await buttons(office)).toEqual(['review']);
    expect(await buttons(chair)).toEqual([]);
    expect(await buttons(noivu)).toEqual([]);

    await office.getByTestId('workflow-to-review').click();
    for (const page of [office, chair, noivu]) await waitForStatus(page, 'review');
    expect(await buttons(office)).toEqual(['draft']);
    expect(await buttons(chair)).toEqual(['approved', 'draft']);
    expect(await buttons(noivu)).toEqual([]);

    await chair.getByTestId('workflow-to-approved').click();
    for (const page of [office, chair, noivu]) await waitForStatus(page, 'approved');
    expect(await buttons(office)).toEqual(['issued', 'draft']);
    expect(await buttons(noivu)).toEqual([]);
    await expectNotReloaded(office);

    // Before the issue the chairperson may comment on the text and give verdicts; the selection stays.
    await chair.locator(`${editorSelector('tham-muu')} p`).first().click({ clickCount: 3 });
    await chair.getByTestId('add-comment').waitFor();
    await chair.getByTestId('verdict-approve-tham-muu').waitFor();
    const before = await editorText(office, 'tham-muu');

    const proposed = await nextNumber(report.id);
    await office.getByTestId('workflow-to-issued').click();
    const dialog = office.getByTestId('issue-dialog');
    await dialog.waitFor();
    await expect.poll(() => office.getByTestId('issue-number').inputValue()).toBe(proposed);
    expect(await office.getByTestId('issue-date').inputValue()).toBe(today().shown);
    await office.getByTestId('issue-preview-number').filter({ hasText: `Số: ${proposed}/${SYMBOL}` }).waitFor();
    await office.getByTestId('issue-submit').click();
    await dialog.waitFor({ state: 'detached' });

    for (const page of [office, chair, noivu]) {
      await expectIssuedPage(page, report, proposed, today().iso);
      expect(await buttons(page)).toEqual([]);
      await expectNotReloaded(page);
    }
    // The review is final: no comment on the still-selected text, no verdict buttons.
    await chair.getByTestId('add-comment').waitFor({ state: 'detached' });
    expect(await chair.getByTestId('verdict-approve-tham-muu').count()).toBe(0);
    expect(await chair.getByTestId('verdict-return-tham-muu').count()).toBe(0);

    // Typing changes nothing, on the page or on the server.
    await tryToType(office, 'tham-muu', ' Sửa sau ban hành');
    await tryToType(noivu, 'tham-muu', ' Phòng sửa sau ban hành');
    await office.getByTestId('frame-subject').click();
    await office.keyboard.type('Sửa trích yếu');
    expect(await editorText(office, 'tham-muu')).toBe(before);
    expect(await editorText(noivu, 'tham-muu')).toBe(before);
    expect(await office.getByTestId('frame-subject').inputValue()).not.toContain('Sửa trích yếu');
    expect(await storedText(server().store, `${report.id}/section/tham-muu`)).not.toContain('sau ban hành');

    // The hash shown is the issued file's, and the file downloaded (by a department) has it.
    const issued = (await (await call(server().url, officeCookie(), 'GET', `/api/reports/${report.id}`)).json()) as Report;
    expect(issued.number).toBe(proposed);
    for (const page of [office, chair, noivu]) await page.getByTestId('issued-sha256').filter({ hasText: issued.issuedSha256! }).waitFor();
    await noivu.getByTestId('issued-as').filter({ hasText: `Số ${proposed}/${SYMBOL}, ngày ${today().shown}` }).waitFor();
    const [download] = await Promise.all([noivu.waitForEvent('download'), noivu.getByTestId('issued-download').click()]);
    const bytes = await readFile((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.issuedSha256);

    // The signed copy: the office uploads the digitally signed PDF; the department's open page shows who
    // signed it and downloads exactly those bytes.
    const signed = Buffer.from(await signedPdf(await makeSigningIdentity()));
    await office.getByTestId('signed-copy-input').setInputFiles({ name: 'Báo cáo đã ký.pdf', mimeType: 'application/pdf', buffer: signed });
    const line = noivu.getByTestId('signature-line');
    await line.filter({ hasText: 'Ký số bởi Nguyễn Văn A (UBND xã Mỹ An)' }).waitFor();
    expect(await line.getAttribute('data-verdict')).toBe('ok');
    const [copy] = await Promise.all([noivu.waitForEvent('download'), noivu.getByTestId('signed-copy-download').click()]);
    expect((await readFile((await copy.path())!)).equals(signed)).toBe(true);

    // The list gives its number and date.
    await office.goto(`${server().url}/`);
    await office.getByTestId(`report-status-${report.id}`).filter({ hasText: STATUS.issued }).waitFor();
    await office.getByTestId(`report-number-${report.id}`).filter({ hasText: `Số ${proposed}/${SYMBOL}, ngày ${today().shown}` }).waitFor();
  });

  it('lets the chairperson send a report back to draft, after asking', async () => {
    const report = await reportAt('review');
    const [office, chair] = await Promise.all([openReport(workspace().office, report), openReport(workspace().chair, report)]);
    await waitForStatus(chair, 'review');

    await chair.getByTestId('workflow-to-draft').click();
    const dialog = chair.getByTestId('draft-dialog');
    await dialog.waitFor();
    // Escape leaves the report as it is.
    await chair.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(chair)).toBe('workflow-to-draft');
    await waitForStatus(office, 'review');

    await chair.getByTestId('workflow-to-draft').click();
    await chair.getByTestId('draft-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    for (const page of [office, chair]) await waitForStatus(page, 'draft');
    expect(await buttons(chair)).toEqual([]);
    expect(await buttons(office)).toEqual(['review']);
    // Draft again: the departments write their sections.
    const noivu = await openReport(workspace().noivu, report);
    await waitForEditable(noivu, 'tham-muu', true);
    await expectNotReloaded(office);
  });

  it('refuses, in the dialog, a number another issued report holds, and offers the next free one', async () => {
    const first = await reportAt('approved');
    const taken = await nextNumber(first.id);
    await move(first.id, 'issued', officeCookie(), { number: taken });
    const report = await reportAt('approved');
    const office = await openReport(workspace().office, report);

    await office.getByTestId('workflow-to-issued').click();
    const free = await nextNumber(report.id);
    await expect.poll(() => office.getByTestId('issue-number').inputValue()).toBe(free);
    await office.getByTestId('issue-number').fill(String(Number(taken)));
    await office.getByTestId('issue-submit').click();

    const year = today().iso.slice(0, 4);
    await office
      .getByTestId('issue-error')
      .filter({ hasText: `Số ${taken} đã được dùng cho một văn bản khác đã ban hành năm ${year} (${taken}/${SYMBOL})` })
      .waitFor();
    expect(await office.getByTestId('issue-number').getAttribute('aria-invalid')).toBe('true');
    await waitForStatus(office, 'approved');

    await office.getByTestId('issue-use-next').filter({ hasText: `Dùng số ${free}` }).click();
    expect(await office.getByTestId('issue-number').inputValue()).toBe(free);
    await office.getByTestId('issue-submit').click();
    await office.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    await expectIssuedPage(office, report, free, today().iso);
  });

  it('says in the dialog when the report was sent back to draft while the office was issuing it', async () => {
    const report = await reportAt('approved');
    const office = await openReport(workspace().office, report);
    await office.getByTestId('workflow-to-issued').click();
    await expect.poll(() => office.getByTestId('issue-number').inputValue()).not.toBe('');

    await move(report.id, 'draft', chairCookie());
    await waitForStatus(office, 'draft');
    await office.getByTestId('issue-submit').click();
    await office.getByTestId('issue-error').filter({ hasText: 'Báo cáo vừa được chuyển sang trạng thái khác nên chưa ban hành được' }).waitFor();
    await waitForStatus(office, 'draft');
    expect(await buttons(office)).toEqual(['review']);
  });

  it('issues by keyboard alone: the dialog keeps the keyboard, Escape closes it, Enter issues', async () => {
    const report = await reportAt('approved');
    const office = await openReport(workspace().office, report);
    await waitForStatus(office, 'approved');

    for (let presses = 0; (await focusedTestId(office)) !== 'workflow-to-issued'; presses++) {
      expect(presses, 'Tab reaches "Ban hành"').toBeLessThan(80);
      await office.keyboard.press('Tab');
    }
    await office.keyboard.press('Enter');
    await office.getByTestId('issue-dialog').waitFor();
    expect(await focusedTestId(office)).toBe('issue-number');
    // Tab stays inside: back from the first control to the last, on from the last to the first.
    await office.keyboard.press('Shift+Tab');
    expect(await focusedTestId(office)).toBe('issue-cancel');
    await office.keyboard.press('Tab');
    expect(await focusedTestId(office)).toBe('issue-number');
    await office.keyboard.press('Escape');
    await office.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    expect(await focusedTestId(office)).toBe('workflow-to-issued');

    await office.keyboard.press('Enter');
    await office.getByTestId('issue-dialog').waitFor();
    const proposed = await nextNumber(report.id);
    await expect.poll(() => office.getByTestId('issue-number').inputValue()).toBe(proposed);
    await office.keyboard.press('Tab');
    expect(await focusedTestId(office)).toBe('issue-date');
    await office.keyboard.press('Control+A');
    await office.keyboard.type('31/02/2025');
    await office.keyboard.press('Enter');
    await office.locator('[data-testid="issue-date"][aria-invalid="true"]').waitFor();
    await office.getByTestId('issue-dialog').getByText('Ngày chưa đúng').waitFor();

    await office.keyboard.press('Control+A');
    await office.keyboard.type(today().shown);
    await office.keyboard.press('Enter');
    await office.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    await expectIssuedPage(office, report, proposed, today().iso);
    // The pressed button is gone: the keyboard is on the status.
    await expect.poll(() => focusedTestId(office)).toBe('workflow-status');
  });

  it('learns of the issue from a refused write, before the review room tells, and stays read-only', async () => {
    const report = await reportAt('approved');
    const sockets: string[] = [];
    let review: Awaited<ReturnType<typeof holdableRoom>> | undefined;
    const office = await openReport(workspace().office, report, async (page) => {
      // What the review room says reaches this page only when the test lets it.
      review = await holdableRoom(page, /\/collab\/[^/]+\/review$/);
      page.on('websocket', (socket) => sockets.push(socket.url()));
    });
    await waitForEditable(office, 'tham-muu', true);
    review!.hold();
    await move(report.id, 'issued', officeCookie(), { number: await nextNumber(report.id) });

    // The page still thinks it may write: the server refuses the edit (4403) and stores nothing.
    await tryToType(office, 'tham-muu', ' Gõ sau khi đã ban hành');
    await waitForStatus(office, 'issued');
    await office.getByTestId('readonly-tham-muu').filter({ hasText: ISSUED_NOTE }).waitFor();
    await waitForEditable(office, 'tham-muu', false);
    // What could not be sent stays in this browser, to copy, with the reason.
    await office.getByTestId('kept-reason-tham-muu').filter({ hasText: 'Báo cáo đã ban hành' }).waitFor();
    await waitForSaveState(office, 'saved');
    await tryToType(office, 'tham-muu', ' Lần nữa');
    await waitForSaveState(office, 'saved');
    // One renewal, read-only: the room was not reopened to write again.
    expect(sockets.filter((url) => url.endsWith(`/${report.id}/section/tham-muu`))).toHaveLength(2);
    expect(await storedText(server().store, `${report.id}/section/tham-muu`)).not.toContain('Gõ sau khi');
    review!.release();
  });
});
