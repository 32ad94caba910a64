/**
 * Who may see the print preview, `GET /api/reports/:id/preview.pdf` (issue 12), against a real server: every
 * role that may read the report gets the PDF, inline; a report not shared with the caller is refused (403),
 * one that does not exist is not found (404), no session is 401; without LibreOffice 503 `pdf_unavailable`,
 * and more than the renderer lets wait 503 `pdf_busy`. LibreOffice is a stand-in here
 * (tests/helpers/fakeSoffice.ts): what is checked is who may ask and what bounds it, not the rendering
 * (tests/integration/print/printPreview.test.ts renders).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/report.js';
import { defaultConfig } from '../../../server/config.js';
import type { PdfRenderOptions } from '../../../server/signing/sofficeRenderer.js';
import { call } from '../../helpers/api.js';
import { fakeSoffice, type FakeSoffice } from '../../helpers/fakeSoffice.js';
import { waitFor } from '../../helpers/waitFor.js';
import { EVERYONE, startWorkflowServer, type WorkflowFixture, type Who } from '../workflow/support.js';
import { expectError } from './support.js';

const previewPath = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}/preview.pdf`;

/** Who reads a report whose sections are the Nội vụ's and the VHTT's (CONTRACT.md): everyone but the stranger. */
const READERS: readonly Who[] = ['admin', 'office', 'chair', 'noivu', 'vhtt'];

describe('print preview access', () => {
  let f: WorkflowFixture | undefined;
  let fake: FakeSoffice | undefined;
  afterEach(async () => {
    await f?.close();
    await fake?.close();
    f = undefined;
    fake = undefined;
  });

  async function start(pdf: Partial<PdfRenderOptions> = {}) {
    fake = await fakeSoffice({ gated: pdf.maxWaiting === 0 });
    f = await startWorkflowServer({ config: { pdf: { ...defaultConfig().pdf, soffice: fake.path, ...pdf } } });
    return { f, fake, report: await f.newReport() };
  }

  /** The preview entries of the report's audit log. */
  const previews = async (fixture: WorkflowFixture, report: Report) => {
    const entries = (await (await fixture.as('office', 'GET', `/api/reports/${report.id}/audit`)).json()) as Array<{ action: string; detail: unknown }>;
    return entries.filter((entry) => entry.action === 'export.pdf');
  };

  it('shows the PDF inline to every reader of the report, and refuses the others (403) without rendering', async () => {
    const { f, fake, report } = await start();
    for (const who of EVERYONE) {
      const before = (await fake.events()).length;
      const response = await f.as(who, 'GET', previewPath(report.id));
      if (!READERS.includes(who)) {
        await expectError(response, 403, 'forbidden');
        expect((await fake.events()).length, who).toBe(before);
        continue;
      }
      expect(response.status, `${who}: ${await response.clone().text()}`).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+\.pdf"; filename\*=UTF-8''[^;]+\.pdf$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // Each preview is a copy of the report, recorded as a PDF export.
    expect((await previews(f, report)).map((entry) => entry.detail)).toEqual(READERS.map(() => ({ preview: '1' })));
  });

  it('refuses without a session or with a forged one (401), and a report that does not exist (404)', async () => {
    const { f, fake, report } = await start();
    await expectError(await call(f.server.url, null, 'GET', previewPath(report.id)), 401, 'unauthenticated');
    await expectError(await call(f.server.url, 'ds_session=nimmt-niemand', 'GET', previewPath(report.id)), 401, 'unauthenticated');
    await expectError(await f.as('office', 'GET', previewPath('khongco')), 404, 'not_found');
    await expectError(await f.as('office', 'GET', previewPath('khong co')), 404, 'not_found');
    expect(await fake.events()).toEqual([]);
    expect(await previews(f, report)).toEqual([]);
  });

  it('answers 503 pdf_unavailable without LibreOffice, recording nothing', async () => {
    const { f, report } = await start({ soffice: '/nonexistent/soffice' });
    const error = await expectError(await f.as('noivu', 'GET', previewPath(report.id)), 503, 'pdf_unavailable');
    expect(error.message).toContain('LibreOffice');
    expect(await previews(f, report)).toEqual([]);
  });

  it('is bounded by the renderer’s queue: with one rendering running and none allowed to wait, 503 pdf_busy', { timeout: 60_000 }, async () => {
    const { f, fake, report } = await start({ maxWaiting: 0 });
    const first = f.as('office', 'GET', previewPath(report.id));
    await waitFor(async () => (await fake.events()).length === 1, { what: 'the first rendering to start' });
    await expectError(await f.as('vhtt', 'GET', previewPath(report.id)), 503, 'pdf_busy');
    await fake.release();
    expect((await first).status).toBe(200);
  });
});
