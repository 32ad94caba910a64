/**
 * `GET /api/reports/:id/export.docx` (CONTRACT.md, "REST"): the report as a Word file in the form of Nghị
 * định 30/2020/NĐ-CP, built on the server from the stored rooms, for anyone who may see the report.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AwardCatalogue } from '../../common/awards.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import { buildDocx } from '../export/buildDocx.js';
import { contentDisposition } from '../export/fileName.js';
import { loadReport } from '../export/loadReport.js';
import type { ReportService } from '../reports/reportService.js';
import type { DocumentStore } from '../storage/store.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportRouteDeps {
  reports: ReportService;
  /** Where the rooms are read from. */
  store: Pick<DocumentStore, 'loadDocument'>;
  /** The award catalogue, for the names in tally tables and their prose. */
  catalogue: AwardCatalogue;
}

const params = z.object({ id: z.string() });

export function registerExportRoutes(app: FastifyInstance, { reports, store, catalogue }: ExportRouteDeps): void {
  app.get('/api/reports/:id/export.docx', async (request, reply) => {
    const caller = identityOf(request);
    const { id } = params.parse(request.params);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    const report = await reports.get(caller, id);
    const input = await loadReport(store, report);
    const file = await buildDocx(input, catalogue);
    return reply
      .header('content-type', DOCX_CONTENT_TYPE)
      .header('content-disposition', contentDisposition(input.frame))
      // The rooms change while people write: every download is built afresh.
      .header('cache-control', 'no-store')
      .send(file);
  });
}
