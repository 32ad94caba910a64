/**
 * A named version of a report (issue 10, item 5): opened read-only, compared with now, exported to Word,
 * restored. Input is read with the route table's schemas (common/api/versions.ts) before anything else.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { RestoredReport, VersionDiff, VersionView } from '../../common/api/versions.js';
import { AuditAction } from '../../common/auditActions.js';
import { isValidId } from '../../common/rooms.js';
import type { AuditLog } from '../audit/auditLog.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import type { ReportService } from '../reports/reportService.js';
import type { ReviewService } from '../review/reviewService.js';
import type { WorkflowStore } from '../storage/workflowStore.js';
import type { RestoreVersion } from '../versions/restore.js';
import type { VersionReader } from '../versions/versionReader.js';
import { sendIssuedFile } from '../workflow/issuedDownload.js';
import { paramsOf } from './input.js';

export interface VersionRouteDeps {
  reader: VersionReader;
  restore: RestoreVersion;
  reports: Pick<ReportService, 'find'>;
  /** Each section of the restored report with its review, as `GET /api/reports/:id` gives it. */
  review: Pick<ReviewService, 'sections'>;
  /** Where the file stored at issuing is read. */
  issuedFiles: Pick<WorkflowStore, 'getIssuedFile'>;
  /** Where each download is recorded (issue 10, item 6: exports are in the audit log). */
  audit?: Pick<AuditLog, 'record'>;
}

/** An id that cannot exist is not found, as an unknown one is. */
function existing(id: string): void {
  if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
}

export function registerVersionRoutes(app: FastifyInstance, { reader, restore, reports, review, issuedFiles, audit }: VersionRouteDeps): void {
  app.get('/api/reports/:id/versions/:vid', async (request): Promise<VersionView> => {
    const { id, vid } = paramsOf(api.getVersion, request);
    existing(id);
    return reader.open(identityOf(request), id, vid);
  });

  app.get('/api/reports/:id/versions/:vid/diff', async (request): Promise<VersionDiff> => {
    const { id, vid } = paramsOf(api.diffVersion, request);
    existing(id);
    return reader.diff(identityOf(request), id, vid);
  });

  app.get('/api/reports/:id/versions/:vid/export.docx', async (request, reply) => {
    const { id, vid } = paramsOf(api.exportVersionDocx, request);
    existing(id);
    const caller = identityOf(request);
    const file = await reader.exportFile(caller, id, vid);
    const detail = { versionId: vid, ...('issued' in file ? { issued: '1' } : {}) };
    await audit?.record({ reportId: id, userId: caller.userId, action: AuditAction.exportDocx, detail });
    if ('issued' in file) return sendIssuedFile(reply, issuedFiles, id);
    const { docx, disposition } = file.built;
    return reply
      .header('content-type', api.exportVersionDocx.success.file)
      .header('content-disposition', disposition)
      .header('cache-control', 'no-store')
      .send(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength));
  });

  app.post('/api/reports/:id/versions/:vid/restore', async (request): Promise<RestoredReport> => {
    const { id, vid } = paramsOf(api.restoreVersion, request);
    existing(id);
    const { report, from, before, after, sections } = await restore(identityOf(request), id, vid);
    const now = (await reports.find(report.id)) ?? report;
    return { ...now, sections: await review.sections.withReviews(now.id, now.sections), restore: { from, before, after, sections } };
  });
}
