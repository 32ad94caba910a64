/**
 * "Xem bản in" shows the same pages as the export (issue 12): the demo report's preview, rendered by the
 * server's LibreOffice, against its Word export converted here by LibreOffice — page for page, line for line.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../helpers/api.js';
import { convertWithLibreOffice, pdfInfo, pdfPageText } from '../export/support/docxFile.js';
import { downloadExport, startDemoServer, type DemoServer } from '../export/support/exportServer.js';

describe('the print preview of the demo report', () => {
  let demo: DemoServer;
  let preview: Response;
  let previewPdf: string;
  let exportPdf: string;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    demo = await startDemoServer();
    const { url, adminCookie } = demo.server;
    preview = await call(url, adminCookie, 'GET', `/api/reports/${demo.report.id}/preview.pdf`);
    expect(preview.status, await preview.clone().text()).toBe(200);
    const exported = await convertWithLibreOffice(await downloadExport(url, adminCookie, demo.report.id), 'export');
    cleanups.push(exported.cleanup);
    exportPdf = exported.pdf;
    // The preview beside it, in the same folder (removed with it).
    previewPdf = exportPdf.replace(/export\.pdf$/, 'preview.pdf');
    await writeFile(previewPdf, new Uint8Array(await preview.clone().arrayBuffer()));
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await demo?.server.close();
  });

  it('is a PDF shown inline, named after the report', () => {
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.headers.get('content-disposition')).toMatch(/^inline; filename="BC-[^"]*\.pdf"/);
  });

  it('has the export’s pages: as many, A4, each with the same lines', async () => {
    const [shown, printed] = [await pdfInfo(previewPdf), await pdfInfo(exportPdf)];
    expect(shown).toEqual(printed);
    expect(shown.pageSize).toMatch(/\(A4\)/);
    for (let page = 1; page <= printed.pages; page++) {
      expect(await pdfPageText(previewPdf, page), `page ${page}`).toBe(await pdfPageText(exportPdf, page));
    }
    expect(await pdfPageText(previewPdf, 1)).toContain('DỰ THẢO');
  });
});
