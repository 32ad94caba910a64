/**
 * Report housekeeping and the audit log in the browser (issue 10, items 6–7): the office renames, copies,
 * archives and deletes a draft from the list — a page open on the deleted report says so — and the audit
 * page shows the entries, filters them by report, and downloads them as CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../common/report.js';
import { assignSection, call, createReport, login, seedWorkspace, type SeededWorkspace } from '../helpers/api.js';
import { loginAs, useBrowser } from '../helpers/browser.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { storedDoc } from '../helpers/storedDoc.js';

describe('housekeeping and the audit log in the browser', { timeout: 90_000 }, () => {
  const browsers = useBrowser();
  let server: TestServer;
  let ws: SeededWorkspace;
  let officeCookie: string;

  beforeAll(async () => {
    server = await startServer();
    ws = await seedWorkspace(server);
    officeCookie = await login(server.url, ws.office.username, ws.office.password);
  });
  afterAll(async () => {
    await server?.close();
  });

  const newReport = async (title: string): Promise<Report> => {
    const report = await createReport(server.url, { title }, officeCookie);
    await assignSection(server.url, officeCookie, report.id, 'tham-muu', ws.departments.noivu.id);
    await assignSection(server.url, officeCookie, report.id, 'ket-qua', ws.departments.vhtt.id);
    return report;
  };
  const openList = async (page: Page, username: string, password: string) => {
    await loginAs(page, `${server.url}/`, username, password);
    await page.getByTestId('report-list').waitFor();
  };
  const storedSubject = async (reportId: string) => {
    const doc = await storedDoc(server.store, `${reportId}/frame`);
    const subject = doc.getMap('frame').get('subject');
    doc.destroy();
    return subject;
  };

  it('lets the office rename, copy, archive and delete a draft in the list', async () => {
    const report = await newReport('Báo cáo sơ kết quý I');
    // A department has the report open while the office deletes it.
    const reader = await browsers.newPage();
    await loginAs(reader, `${server.url}/reports/${report.id}`, ws.noivu.username, ws.noivu.password);
    await reader.getByTestId('frame-subject').waitFor();

    const office = await browsers.newPage();
    await openList(office, ws.office.username, ws.office.password);
    const row = (id: string) => office.getByTestId(`report-row-${id}`);
    await row(report.id).waitFor();
    await expect.poll(() => office.getByTestId(`report-involved-${report.id}`).innerText()).toBe('Phòng Nội vụ\nPhòng Văn hóa - Thông tin');

    // Rename: the title in the list and the subject in the frame.
    await office.getByTestId(`rename-${report.id}`).click();
    await office.getByTestId(`rename-input-${report.id}`).fill('Báo cáo sơ kết quý I năm 2025');
    await office.getByTestId(`rename-save-${report.id}`).click();
    await row(report.id).getByRole('link', { name: 'Báo cáo sơ kết quý I năm 2025', exact: true }).waitFor();
    expect(await storedSubject(report.id)).toBe('Báo cáo sơ kết quý I năm 2025');
    await expect.poll(() => reader.getByTestId('frame-subject').inputValue()).toBe('Báo cáo sơ kết quý I năm 2025');

    // Copy: a new draft, said so above the list.
    await office.getByTestId(`copy-${report.id}`).click();
    await office.getByTestId('list-notice').getByText('Đã tạo bản sao “Báo cáo sơ kết quý I năm 2025 (bản sao)”.').waitFor();
    const copyLink = office.getByRole('link', { name: 'Báo cáo sơ kết quý I năm 2025 (bản sao)', exact: true });
    await copyLink.waitFor();
    const copyId = (await copyLink.getAttribute('href'))!.split('/').at(-1)!;

    // Archive the copy: gone from the list, under “Lưu trữ”, and back.
    await office.getByTestId(`archive-${copyId}`).click();
    await row(copyId).waitFor({ state: 'detached' });
    await office.getByTestId('filter-archived').click();
    await row(copyId).waitFor();
    expect(await row(report.id).count()).toBe(0);
    await office.getByTestId(`archive-${copyId}`).click();
    await row(copyId).waitFor({ state: 'detached' });
    await office.getByText('Chưa có báo cáo nào được lưu trữ.').waitFor();
    await office.getByTestId('filter-in-use').click();
    await row(copyId).waitFor();

    // Delete the draft, after saying yes: gone from the list and the server; the open page says so.
    await office.getByTestId(`delete-${report.id}`).click();
    await office.getByTestId(`delete-confirm-${report.id}`).click();
    await row(report.id).waitFor({ state: 'detached' });
    expect((await call(server.url, officeCookie, 'GET', `/api/reports/${report.id}`)).status).toBe(404);
    await reader.getByTestId('report-deleted').getByText('Báo cáo này đã bị xóa.').waitFor();
    await row(copyId).waitFor();
  });

  it('shows the audit log as a table, filtered by report from the report page, and downloads it as CSV', async () => {
    const report = await newReport('Báo cáo tổng kết năm 2025');
    expect((await call(server.url, officeCookie, 'PATCH', `/api/reports/${report.id}`, { title: 'Báo cáo tổng kết công tác năm 2025' })).status).toBe(200);
    const chair = await browsers.newPage();
    await loginAs(chair, `${server.url}/reports/${report.id}`, ws.chair.username, ws.chair.password);

    // From the report to its own log.
    await chair.getByTestId('report-audit-link').click();
    await chair.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('report') === report.id);
    await chair.getByRole('heading', { name: 'Nhật ký: Báo cáo tổng kết công tác năm 2025' }).waitFor();
    const rows = chair.getByTestId('audit-table').getByTestId('audit-row');
    await expect.poll(() => rows.evaluateAll((found) => found.map((element) => element.getAttribute('data-action')))).toEqual([
      'report.renamed',
      'section.assigned',
      'section.assigned',
      'report.created',
    ]);
    const renamed = rows.first();
    expect(await renamed.locator('td').allInnerTexts()).toEqual([
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/),
      'Nguyễn Thị Thu',
      'Báo cáo tổng kết công tác năm 2025',
      'Đổi tên báo cáo',
      'từ “Báo cáo tổng kết năm 2025” thành “Báo cáo tổng kết công tác năm 2025”',
    ]);
    expect(await rows.nth(1).locator('td').nth(4).innerText()).toBe('Phần ket-qua · từ Chưa giao thành Phòng Văn hóa - Thông tin');

    // The whole log, then only sign-ins, from the filters.
    await chair.getByRole('button', { name: 'Bỏ lọc' }).click();
    await chair.getByRole('heading', { name: 'Nhật ký hoạt động' }).waitFor();
    await chair.getByTestId('audit-filter-action').selectOption('signin');
    await chair.getByTestId('audit-apply').click();
    await chair.waitForURL((url) => url.searchParams.get('action') === 'signin');
    await expect.poll(async () => new Set(await rows.evaluateAll((found) => found.map((element) => element.getAttribute('data-action'))))).toEqual(
      new Set(['signin.succeeded']),
    );

    // The CSV of what the filters show.
    const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('audit-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^nhat-ky-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,userId,userName,reportId,reportTitle,action,detail');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',signin.succeeded,'))).toBe(true);
    expect(lines.some((line) => line.includes(`,${ws.chair.id},Trương Thị Diệp,`))).toBe(true);
  });

  it('is not offered to a department', async () => {
    const page = await browsers.newPage();
    await openList(page, ws.vhtt.username, ws.vhtt.password);
    expect(await page.getByTestId('audit-link').count()).toBe(0);
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('audit-forbidden').waitFor();
  });
});
