/**
 * The issued report's PDF for signing (issue 10, item 3) against a real server: rendered by LibreOffice from
 * the Word file stored at issuing — once, then stored, so every download and every restart gives the same
 * bytes with their SHA-256; 409 before issuing; 503 with a message that names LibreOffice when it is not
 * installed, and the capability the client reads saying so. Around LibreOffice, with a stand-in program
 * (tests/helpers/fakeSoffice.ts): one rendering at a time, each in a profile of its own; callers asking at
 * once share one; a rendering past its timeout killed with what it started; a failed one stored nowhere.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../common/api/signedCopy.js';
import { defaultConfig } from '../../../server/config.js';
import { fakeSoffice, type FakeSoffice } from '../../helpers/fakeSoffice.js';
import { login } from '../../helpers/api.js';
import { makeDataDir, startServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { refused, startWorkflowServer, type WorkflowFixture, type WorkflowServerOptions } from '../workflow/support.js';
import { download, issuedReport, ok, sha256 } from './support.js';

/** Whether this machine has LibreOffice, as the server looks for it by default. */
async function sofficeInstalled(): Promise<boolean> {
  const { sofficeRenderer } = await import('../../../server/signing/sofficeRenderer.js');
  return (await sofficeRenderer(defaultConfig().pdf, () => undefined).locate()) !== null;
}
const HAS_SOFFICE = await sofficeInstalled();

const pdfPath = (reportId: string) => `/api/reports/${reportId}/issued.pdf`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the issued report as PDF', () => {
  let f: WorkflowFixture | undefined;
  let fake: FakeSoffice | undefined;
  const dataDirs: string[] = [];
  afterEach(async () => {
    // Whatever a failed test left of the hanging stand-in: its own processes, by their ids.
    for (const pid of (await fake?.hungPids()) ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await f?.close();
    await fake?.close();
    for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
    f = undefined;
    fake = undefined;
  });

  const start = async (pdf: Partial<ReturnType<typeof defaultConfig>['pdf']>, options: WorkflowServerOptions = {}) => {
    f = await startWorkflowServer({ ...options, config: { pdf: { ...defaultConfig().pdf, ...pdf } } });
    return f;
  };

  // LibreOffice is part of the test setup (README, `.ci/run`), as for the export's rendering tests.
  it('renders the issued report with LibreOffice once: every download, before and after a restart, is the same PDF', { timeout: 120_000 }, async () => {
    expect(HAS_SOFFICE, 'LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui').toBe(true);
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await start({}, { dataDir });
    const report = await issuedReport(server);

    const first = await download(server, 'noivu', pdfPath(report.id));
    expect(Buffer.from(first.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('x-content-sha256')).toBe(sha256(first.bytes));
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="BC-UBND-2025-06-30-[^"]*\.pdf"; filename\*=UTF-8''.*\.pdf$/);
    const second = await download(server, 'chair', pdfPath(report.id));
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    const audit = await ok<Array<{ action: string; detail: Record<string, string> }>>(server.as('office', 'GET', `/api/reports/${report.id}/audit`));
    expect(audit.filter((entry) => entry.action === 'export.pdf').map((entry) => entry.detail)).toEqual([
      { sha256: sha256(first.bytes), rendered: '1' },
      { sha256: sha256(first.bytes) },
    ]);

    await server.close();
    // The same data without LibreOffice: the stored PDF is still what every download returns.
    const again = await startServer({ dataDir, config: { pdf: { ...defaultConfig().pdf, soffice: '/nonexistent/soffice' } } });
    try {
      const cookie = await login(again.url, server.ws.vhtt.username, server.ws.vhtt.password);
      const response = await fetch(`${again.url}${pdfPath(report.id)}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(response.headers.get('x-content-sha256')).toBe(sha256(first.bytes));
    } finally {
      await again.close();
    }
  });

  it('refuses the PDF of a report that is not issued yet (409 not_issued), rendering nothing', async () => {
    fake = await fakeSoffice();
    const server = await start({ soffice: fake.path });
    for (const status of ['draft', 'review', 'approved'] as const) {
      const report = await server.newReport(`Báo cáo ${status}`);
      await server.bringTo(report.id, status);
      const error = await refused(server.as('noivu', 'GET', pdfPath(report.id)), 409, 'not_issued');
      expect(error.message).toContain('chưa ban hành');
    }
    expect(await fake.events()).toEqual([]);
  });

  it('answers 503 pdf_unavailable, naming LibreOffice, when it is not installed, and says so to the client', async () => {
    for (const pdf of [{ soffice: '/nonexistent/soffice' }, { soffice: 'soffice', searchPath: '/nonexistent-bin' }]) {
      const server = await start(pdf);
      expect(await ok<Capabilities>(server.as('noivu', 'GET', '/api/capabilities'))).toEqual({ issuedPdf: false });
      const report = await issuedReport(server);
      const error = await refused(server.as('office', 'GET', pdfPath(report.id)), 503, 'pdf_unavailable');
      expect(error.message).toContain('LibreOffice');
      await server.close();
    }
    fake = await fakeSoffice();
    const installed = await start({ soffice: fake.path });
    expect(await ok<Capabilities>(installed.as('chair', 'GET', '/api/capabilities'))).toEqual({ issuedPdf: true });
  });

  it('renders one report at a time, each in a LibreOffice profile of its own that is removed afterwards', { timeout: 60_000 }, async () => {
    fake = await fakeSoffice({ holdMs: 150 });
    const server = await start({ soffice: fake.path });
    const reports = [await issuedReport(server, 'Báo cáo A'), await issuedReport(server, 'Báo cáo B'), await issuedReport(server, 'Báo cáo C')];

    const pdfs = await Promise.all(reports.map((report, index) => download(server, index === 0 ? 'office' : 'noivu', pdfPath(report.id))));
    expect(new Set(pdfs.map(({ bytes }) => sha256(bytes))).size).toBe(3);
    const events = await fake.events();
    expect(events).not.toContain('overlap');
    expect(events.map((event) => event.split(' ')[0])).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
    const profiles = events.filter((event) => event.startsWith('start')).map((event) => event.split(' ')[2]!);
    expect(new Set(profiles).size).toBe(3);
    for (const profile of profiles) {
      expect(profile).toMatch(/^file:\/\//);
      expect(existsSync(fileURLToPath(profile))).toBe(false);
    }
  });

  it('lets callers asking at once share one rendering, and refuses more than may wait (503 pdf_busy)', { timeout: 60_000 }, async () => {
    fake = await fakeSoffice({ gated: true });
    // One rendering runs, none waits: any other report is refused while it runs.
    const server = await start({ soffice: fake.path, maxWaiting: 0 });
    const [one, two] = [await issuedReport(server, 'A'), await issuedReport(server, 'B')];

    const sameReport = [server.as('office', 'GET', pdfPath(one!.id)), server.as('noivu', 'GET', pdfPath(one!.id))];
    await waitFor(async () => (await fake!.events()).length === 1, { what: 'the first rendering to start' });
    const busy = await refused(server.as('vhtt', 'GET', pdfPath(two!.id)), 503, 'pdf_busy');
    expect(busy.message).toContain('thử lại');
    await fake.release();

    const [first, second] = await Promise.all(sameReport.map(async (response) => new Uint8Array(await (await response).arrayBuffer())));
    expect(Buffer.from(first!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(first!).equals(Buffer.from(second!))).toBe(true);
    expect((await fake.events()).filter((event) => event.startsWith('start'))).toHaveLength(1);
    await download(server, 'vhtt', pdfPath(two!.id));
    expect((await fake.events()).filter((event) => event.startsWith('start'))).toHaveLength(2);
  });

  it('kills a rendering that runs past its timeout, with what it started (500 pdf_failed), stores nothing, and renders again next time', { timeout: 60_000 }, async () => {
    fake = await fakeSoffice({ firstRun: 'hang' });
    const server = await start({ soffice: fake.path, timeoutMs: 1500 });
    const report = await issuedReport(server);

    await refused(server.as('office', 'GET', pdfPath(report.id)), 500, 'pdf_failed');
    const pids = await fake.hungPids();
    expect(pids).toHaveLength(2);
    await waitFor(() => pids.every((pid) => !alive(pid)), { what: 'the hung rendering and its child to be killed' });
    expect(await server.server.store.getIssuedPdf(report.id)).toBeNull();

    const { bytes, headers } = await download(server, 'office', pdfPath(report.id));
    expect(headers.get('x-content-sha256')).toBe(sha256(bytes));
  });

  it('stores nothing when LibreOffice fails (500 pdf_failed), and tries again on the next download', async () => {
    fake = await fakeSoffice({ firstRun: 'fail' });
    const server = await start({ soffice: fake.path });
    const report = await issuedReport(server);
    await refused(server.as('noivu', 'GET', pdfPath(report.id)), 500, 'pdf_failed');
    expect(await server.server.store.getIssuedPdf(report.id)).toBeNull();
    const { bytes } = await download(server, 'noivu', pdfPath(report.id));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect((await server.server.store.getIssuedPdf(report.id))?.sha256).toBe(sha256(bytes));
  });
});
