/**
 * `GET /api/reports/:id/export.docx` (CONTRACT.md, "REST"): the report as a Word file in the form of Nghị
 * định 30/2020/NĐ-CP, built on the server from the stored rooms, for anyone who may see the report.
 *
 * The store is read here, on the main thread (cheap); the file is built by a worker thread of the
 * {@link ExportPool} (issue 8: building it here stalled every room for seconds). 413 `export_too_large` over
 * the size limit, 503 `export_busy` when every thread and queue place is taken, 500 `export_failed` when the
 * worker fails.
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { AwardCatalogue } from '../../common/awards.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { AppError, exportFailed, exportTooLarge, notFound } from '../errors.js';
import type { ExportOptions } from '../export/exportOptions.js';
import { ExportPool } from '../export/exportPool.js';
import { readReportRooms } from '../export/loadReport.js';
import { packRooms, storedSize } from '../export/packedRooms.js';
import { readReviewNotes, type ReviewNoteStore } from '../export/reviewNotes.js';
import type { ReportService } from '../reports/reportService.js';
import type { DocumentStore } from '../storage/store.js';
import type { WorkflowStore } from '../storage/workflowStore.js';
import { sendIssuedFile } from '../workflow/issuedDownload.js';
import { paramsOf, queryOf } from './input.js';
import { AuditAction } from '../../common/auditActions.js';
import type { AuditLog } from '../audit/auditLog.js';
import { stopwatch, type Metrics } from '../metrics/metrics.js';

/** The Word media type, as the route table gives it. */
export const DOCX_CONTENT_TYPE = api.exportDocx.success.file;

export interface ExportRouteDeps {
  reports: ReportService;
  /** Where the rooms are read from, and with `?comments=1` the review's open notes. */
  store: Pick<DocumentStore, 'loadDocument'> & ReviewNoteStore;
  /** The award catalogue, for the names in tally tables and their prose. */
  catalogue: AwardCatalogue;
  /** Threads, queue, size and memory limits; the pool is closed with the app. */
  options: ExportOptions;
  /** The worker pool, shared with issuing (issue 10); by default one of its own, closed with the app. */
  pool?: ExportPool;
  /** Where an issued report's file is read (issue 10): every download of an issued report returns exactly it. */
  issuedFiles?: Pick<WorkflowStore, 'getIssuedFile'>;
  /** Where each download is recorded (issue 10, item 6: exports are in the audit log). */
  audit?: Pick<AuditLog, 'record'>;
  /** Told how long each file took to build (`dong_soan_export_seconds{kind="download"}`). */
  metrics?: Pick<Metrics, 'observeExport'>;
}

export function registerExportRoutes(app: FastifyInstance, { reports, store, catalogue, options, pool: shared, issuedFiles, audit, metrics }: ExportRouteDeps): void {
  const pool = shared ?? new ExportPool(options, (error) => app.log.error({ err: error }, 'an export worker failed'));
  if (!shared) app.addHook('onClose', () => pool.close());

  app.get('/api/reports/:id/export.docx', async (request, reply) => {
    const caller = identityOf(request);
    const { id } = paramsOf(api.exportDocx, request);
    const { comments } = queryOf(api.exportDocx, request);
    if (!isValidId(id)) throw notFound(`report "${id}"`);
    const report = await reports.get(caller, id);
    const exported = (detail: Record<string, string>) =>
      audit?.record({ reportId: report.id, userId: caller.userId, action: AuditAction.exportDocx, detail });
    // Issue 10: built once, at issuing (without comments); every later download returns exactly those bytes.
    if (report.status === 'issued' && !comments && issuedFiles) {
      await exported({ issued: '1', ...(report.issuedSha256 ? { sha256: report.issuedSha256 } : {}) });
      return sendIssuedFile(reply, issuedFiles, report.id);
    }
    let file;
    const elapsed = stopwatch();
    try {
      file = await pool.build(async () => {
        const rooms = await readReportRooms(store, report);
        const size = storedSize(rooms);
        if (size > options.maxStoredBytes) throw exportTooLarge(size, options.maxStoredBytes);
        const notes = comments ? await readReviewNotes(store, report.id) : undefined;
        const guidance = reports.guidanceOf(report) ?? undefined;
        return { report, rooms: packRooms(rooms), catalogue, requestedAt: Date.now(), notes, guidance };
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      request.log.error({ err: error, reportId: report.id }, 'export worker failed');
      throw exportFailed();
    }
    metrics?.observeExport('download', elapsed());
    await exported(comments ? { comments: '1' } : {});
    return reply
      .header('content-type', DOCX_CONTENT_TYPE)
      .header('content-disposition', file.disposition)
      // The rooms change while people write: every download is built afresh.
      .header('cache-control', 'no-store')
      .send(Buffer.from(file.docx.buffer, file.docx.byteOffset, file.docx.byteLength));
  });
}
