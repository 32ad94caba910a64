/**
 * The signed copy in the browser (issue 10, items 3–4): a report issued over REST; on its page the office
 * finds "Tải PDF để ký", is refused a file of the wrong type or over 50 MB before anything is sent, and
 * uploads the PDF signed in the test; a department's page, open all along, shows the signer's name and
 * that the signature holds as soon as the copy is stored, and downloads exactly the uploaded bytes and the
 * PDF. Without LibreOffice the page says why there is no PDF. LibreOffice is a stand-in here
 * (tests/helpers/fakeSoffice.ts): what is tested is the page, not the rendering.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SIGNED_COPY_BYTES } from '../../common/signedCopy.js';
import { defaultConfig } from '../../server/config.js';
import { assignSection, call, createReport, login, seedWorkspace, type SeededWorkspace } from '../helpers/api.js';
import { fillForIssue } from '../helpers/issuable.js';
import { loginAs, useBrowser, WAIT_MS } from '../helpers/browser.js';
import { fakeSoffice, type FakeSoffice } from '../helpers/fakeSoffice.js';
import { makeSigningIdentity, signedPdf } from '../helpers/signedPdf.js';
import { startServer, type TestServer } from '../helpers/startServer.js';

/** A report of the seeded workspace, its section `tham-muu` Phòng Nội vụ's, brought to issued over REST. */
async function issuedReport(server: TestServer, ws: SeededWorkspace): Promise<string> {
  const office = await login(server.url, ws.office.username, ws.office.password);
  const chair = await login(server.url, ws.chair.username, ws.chair.password);
  const workspace = { agencyName: 'ỦY BAN NHÂN DÂN XÃ MỸ AN', parentAgencyName: 'UBND TỈNH ĐỒNG THÁP', placeName: 'Mỹ An', agencySymbol: 'UBND' };
  expect((await call(server.url, server.adminCookie, 'PUT', '/api/workspace', workspace)).status).toBe(200);
  const report = await createReport(server.url, { title: 'Sơ kết công tác thi đua 6 tháng đầu năm 2025' }, office);
  await assignSection(server.url, office, report.id, 'tham-muu', ws.departments.noivu.id);
  // Issue 12: the form checker lets through only a report with its parts written.
  await fillForIssue(server, office, report);
  for (const [cookie, to] of [[office, 'review'], [chair, 'approved'], [office, 'issued']] as const) {
    const response = await call(server.url, cookie, 'POST', `/api/reports/${report.id}/status`, { to });
    expect(response.status, `to ${to}: ${await response.clone().text()}`).toBe(200);
  }
  return report.id;
}

/** Clicks a download link and reads what the browser saved. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

describe('the signed copy in the browser', { timeout: 120_000 }, () => {
  const browsers = useBrowser();
  let server: TestServer | undefined;
  let fake: FakeSoffice | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    server = fake = dir = undefined;
  });

  it('lets the office upload the signed PDF, and a department sees who signed it and downloads the same bytes', async () => {
    fake = await fakeSoffice();
    server = await startServer({ config: { pdf: { ...defaultConfig().pdf, soffice: fake.path } } });
    const ws = await seedWorkspace(server);
    const reportId = await issuedReport(server, ws);
    const pdf = Buffer.from(await signedPdf(await makeSigningIdentity()));

    // The department's page is open before the upload: the copy reaches it through the review room.
    const department = await browsers.newPage();
    await loginAs(department, `${server.url}/reports/${reportId}`, ws.noivu.username, ws.noivu.password);
    await department.getByTestId('signed-copy-none').waitFor();
    expect(await department.getByTestId('signed-copy-input').count()).toBe(0);

    const office = await browsers.newPage();
    await loginAs(office, `${server.url}/reports/${reportId}`, ws.office.username, ws.office.password);
    await office.getByTestId('issued-pdf').waitFor();
    const input = office.getByTestId('signed-copy-input');

    // Refused in the browser, before a byte is sent: the wrong type, then a file over 50 MB.
    await input.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('Báo cáo đã ký') });
    await office.getByTestId('signed-copy-error').getByText('Định dạng tệp không được hỗ trợ').waitFor();
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-e2e-signed-'));
    const large = join(dir, 'ban-quet-lon.pdf');
    await writeFile(large, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_SIGNED_COPY_BYTES + 1024 * 1024)]));
    await input.setInputFiles(large);
    await office.getByTestId('signed-copy-error').getByText('Tệp quá lớn').waitFor();
    expect(await (await call(server.url, server.adminCookie, 'GET', `/api/reports/${reportId}/signed/info`)).json()).toEqual({ current: null, earlier: [] });

    await input.setInputFiles({ name: 'Báo cáo đã ký.pdf', mimeType: 'application/pdf', buffer: pdf });
    await office.getByTestId('signed-copy-status').getByText('Đã lưu bản đã ký.').waitFor();
    await office.getByTestId('signature-signer').getByText('Ký số bởi Nguyễn Văn A (UBND xã Mỹ An)').waitFor();

    const line = department.getByTestId('signature-line');
    await line.waitFor({ timeout: WAIT_MS });
    expect(await line.textContent()).toContain('Ký số bởi Nguyễn Văn A (UBND xã Mỹ An)');
    expect(await line.textContent()).toContain('chữ ký hợp lệ, phủ toàn bộ tệp');
    expect(await line.getAttribute('data-verdict')).toBe('ok');
    const sha = (await department.getByTestId('signed-copy-sha256').textContent())!;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(await department.getByTestId('signed-copy-uploaded').textContent()).toContain('Nguyễn Thị Thu');

    const copy = await downloaded(department, 'signed-copy-download');
    expect(copy.name).toBe('Báo cáo đã ký.pdf');
    expect(copy.bytes.equals(pdf)).toBe(true);
    expect(createHash('sha256').update(copy.bytes).digest('hex')).toBe(sha);

    const forSigning = await downloaded(department, 'issued-pdf');
    expect(forSigning.name).toMatch(/\.pdf$/);
    expect(forSigning.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says why there is no PDF for signing when LibreOffice is not installed', async () => {
    server = await startServer({ config: { pdf: { ...defaultConfig().pdf, soffice: '/nonexistent/soffice' } } });
    const ws = await seedWorkspace(server);
    const reportId = await issuedReport(server, ws);
    const page = await browsers.newPage();
    await loginAs(page, `${server.url}/reports/${reportId}`, ws.chair.username, ws.chair.password);
    const note = page.getByTestId('issued-pdf-unavailable');
    await note.waitFor();
    expect(await note.textContent()).toContain('LibreOffice');
    expect(await page.getByTestId('issued-pdf').count()).toBe(0);
  });
});
