/**
 * `GET /api/reports/:id/preview.pdf` (issue 12): the print preview, the current export as LibreOffice lays it
 * out (server/print/printPreview.ts), shown by the browser's own PDF viewer.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { PrintPreviewService } from '../print/printPreview.js';
import { paramsOf } from './input.js';

export function registerPrintPreviewRoute(app: FastifyInstance, preview: PrintPreviewService): void {
  app.get('/api/reports/:id/preview.pdf', async (request, reply) => {
    const caller = identityOf(request);
    const { id } = paramsOf(api.previewPdf, request);
    if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
    const { pdf, disposition } = await preview.get(caller, id);
    return reply
      .header('content-type', api.previewPdf.success.file)
      .header('content-disposition', disposition)
      // The rooms change while people write: every preview is rendered afresh.
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
