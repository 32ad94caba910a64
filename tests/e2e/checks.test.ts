/**
 * The form checker in the browser (issue 12): a clerk sees a finding appear in "Kiểm tra thể thức" as she
 * types "Q.CHỦ TỊCH", and fixes it with one click; the fix is an edit like any other, which another browser
 * receives. A department sees the finding too, without the button for a part it may not write, and fixes its
 * own section's. The "Ban hành" dialog lists the errors that stop the issue instead of letting the office try.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../common/frame.js';
import type { Report } from '../../common/report.js';
import { assignSection, call, createReport, login } from '../helpers/api.js';
import { byTestId, editorSelector, loginAs, typeInSection, useBrowser, waitForSaveState, waitForValue } from '../helpers/browser.js';
import { connectClient } from '../helpers/collabClient.js';
import { fillForIssue } from '../helpers/issuable.js';
import { useSeededWorkspace, useSession } from '../helpers/seededWorkspace.js';
import { useServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';

const finding = (rule: string) => `[data-testid="check-finding"][data-rule="${rule}"]`;

describe('the form checker on the report page', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  const server = useServer();
  const workspace = useSeededWorkspace(server);
  const officeCookie = useSession(server, () => workspace().office);

  /** A report whose section `tham-muu` is Phòng Nội vụ's. */
  async function newReport(title: string): Promise<Report> {
    const report = await createReport(server().url, { title }, officeCookie());
    await assignSection(server().url, officeCookie(), report.id, 'tham-muu', workspace().departments.noivu.id);
    return report;
  }

  async function open(reportId: string, who: 'office' | 'noivu'): Promise<Page> {
    const page = await browsers.newPage();
    await loginAs(page, `${server().url}/reports/${reportId}`, workspace()[who].username, workspace()[who].password);
    await waitForSaveState(page, 'saved');
    await page.getByTestId('checks-panel').waitFor();
    // The panel opens on demand: one line with the counts until then.
    await page.getByTestId('checks-toggle').click();
    return page;
  }

  it('shows the finding as the clerk types "Q.CHỦ TỊCH" and fixes it with one click, in every browser', async () => {
    const report = await newReport('Sơ kết công tác thi đua 6 tháng đầu năm 2025');
    const [office, noivu] = await Promise.all([open(report.id, 'office'), open(report.id, 'noivu')]);
    // The new report's parts are still empty: the panel says so, and nothing of the signature block yet.
    await office.locator(finding('empty-part')).first().waitFor();
    expect(await office.locator(finding('authority-form')).count()).toBe(0);

    const title = office.getByTestId('frame-signTitle');
    await title.fill('');
    await title.pressSequentially('Q.CHỦ TỊCH');
    const found = office.locator(finding('authority-form'));
    await found.waitFor();
    expect(await found.getByTestId('check-part').textContent()).toBe('Khung văn bản · Chức vụ người ký');
    expect(await found.getByTestId('check-message').textContent()).toContain('“Q.CHỦ TỊCH” → “Q. CHỦ TỊCH”');
    expect(await found.getByTestId('check-clause').textContent()).toContain('Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g; Phụ lục I');

    // The department reads the frame: it sees the finding, without a button.
    const seen = noivu.locator(finding('authority-form'));
    await seen.waitFor();
    expect(await seen.getByTestId('check-fix').count()).toBe(0);

    await found.getByTestId('check-fix').click();
    await waitForValue(office, byTestId('frame-signTitle'), 'Q. CHỦ TỊCH');
    await waitForValue(noivu, byTestId('frame-signTitle'), 'Q. CHỦ TỊCH');
    await found.waitFor({ state: 'detached' });
    await seen.waitFor({ state: 'detached' });
    const stored = connectClient(server().collabUrl, `${report.id}/frame`, officeCookie());
    try {
      await stored.synced();
      await waitFor(() => readFrame(stored.doc).signTitle === 'Q. CHỦ TỊCH', { what: 'the fix in the frame room' });
    } finally {
      stored.destroy();
    }

    // The department fixes a misspelling in its own section; the office's editor receives the fix.
    await typeInSection(noivu, 'tham-muu', 'end', 'Các gương Diễn hình tiên tiến.');
    const spelling = noivu.locator(finding('spelling'));
    await spelling.waitFor();
    await spelling.getByTestId('check-fix').click();
    await spelling.waitFor({ state: 'detached' });
    await waitFor(async () => (await office.locator(editorSelector('tham-muu')).innerText()).includes('Các gương Điển hình tiên tiến.'), {
      what: 'the section’s fix in the office’s editor',
    });
  });

  it('lists in the "Ban hành" dialog the errors that stop the issue, and lets the office issue once they are fixed', async () => {
    const report = await newReport('Sơ kết công tác thi đua năm 2025');
    await fillForIssue(server(), officeCookie(), report);
    const chair = await login(server().url, workspace().chair.username, workspace().chair.password);
    for (const [cookie, to] of [[officeCookie(), 'review'], [chair, 'approved']] as const) {
      expect((await call(server().url, cookie, 'POST', `/api/reports/${report.id}/status`, { to })).status).toBe(200);
    }
    const office = await open(report.id, 'office');
    const title = office.getByTestId('frame-signTitle');
    await title.fill('Q.CHỦ TỊCH');
    await office.locator(finding('authority-form')).waitFor();

    await office.getByTestId('workflow-to-issued').click();
    const blocking = office.getByTestId('issue-checks');
    await blocking.locator('[data-testid="issue-check"][data-rule="authority-form"]').waitFor();
    expect(await blocking.getByTestId('issue-check').count()).toBe(1);
    expect(await office.getByTestId('issue-submit').isDisabled()).toBe(true);
    await office.getByTestId('issue-cancel').click();

    await office.locator(finding('authority-form')).getByTestId('check-fix').click();
    await waitForValue(office, byTestId('frame-signTitle'), 'Q. CHỦ TỊCH');
    await waitForSaveState(office, 'saved');
    await office.getByTestId('workflow-to-issued').click();
    await office.getByTestId('issue-submit').click();
    await office.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    await waitFor(async () => ((await (await call(server().url, officeCookie(), 'GET', `/api/reports/${report.id}`)).json()) as Report).status === 'issued', {
      what: 'the report issued',
    });
    expect(await office.getByTestId('issue-checks').count()).toBe(0);
  });
});
