/**
 * `GET /api/reports/:id/issued.pdf` (issue 10, item 3): the issued report as PDF, rendered once by
 * LibreOffice and stored (server/signing/issuedPdf.ts); and `GET /api/capabilities`, which tells the client
 * whether LibreOffice is installed, so that the button says why there is no PDF instead of failing.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { Capabilities } from '../../common/api/signedCopy.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { IssuedPdfService } from '../signing/issuedPdf.js';
import { CONTENT_SHA256_HEADER } from '../workflow/issuedDownload.js';
import { paramsOf } from './input.js';

export function registerIssuedPdfRoutes(app: FastifyInstance, issuedPdf: IssuedPdfService): void {
  app.get('/api/reports/:id/issued.pdf', async (request, reply) => {
    const { id } = paramsOf(api.issuedPdf, request);
    if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
    const pdf = await issuedPdf.get(identityOf(request), id);
    return reply
      .header('content-type', api.issuedPdf.success.file)
      .header('content-disposition', pdf.disposition)
      .header(CONTENT_SHA256_HEADER, pdf.sha256)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf.pdf.buffer, pdf.pdf.byteOffset, pdf.pdf.byteLength));
  });

  app.get('/api/capabilities', async (request): Promise<Capabilities> => {
    identityOf(request);
    return { issuedPdf: await issuedPdf.available() };
  });
}
