/**
 * The final Word file of a report being issued (issue 10): built once, from the stored rooms (the frame
 * already carrying its number and date), by the same worker pool as every export, without the "DỰ THẢO"
 * mark. The mark is printed for every status but `issued` (server/export/buildDocx.ts), so the file is
 * built as of the status the report is about to take — the report is not issued yet when it is built.
 */
import { createHash } from 'node:crypto';
import type { AwardCatalogue } from '../../common/awards.js';
import type { ReportGuidance } from '../../common/guidance.js';
import type { Report } from '../../common/report.js';
import { AppError, exportFailed, exportTooLarge } from '../errors.js';
import type { ExportOptions } from '../export/exportOptions.js';
import type { ExportPool } from '../export/exportPool.js';
import { readReportRooms } from '../export/loadReport.js';
import { packRooms, storedSize } from '../export/packedRooms.js';
import { stopwatch, type Metrics } from '../metrics/metrics.js';
import type { DocumentStore } from '../storage/store.js';
import type { IssuedFile } from '../storage/workflowStore.js';

export interface FinalDocxDeps {
  pool: ExportPool;
  store: Pick<DocumentStore, 'loadDocument'>;
  catalogue: AwardCatalogue;
  options: Pick<ExportOptions, 'maxStoredBytes'>;
  /** What the worker's failure was, for the log (the caller answers 500 `export_failed`). */
  onError: (error: unknown, report: Report) => void;
  /** Told how long each file took to build (`dong_soan_export_seconds{kind="issuing"}`). */
  metrics?: Pick<Metrics, 'observeExport'>;
  /** The report's template guidance (ReportService.guidanceOf): guidance still held as text is left out. */
  guidanceOf?: (report: Report) => ReportGuidance | null;
}

/** Builds a report's final file: its bytes, their SHA-256 (hex) and the name it is downloaded under. */
export type BuildFinalDocx = (report: Report) => Promise<IssuedFile>;

export function finalDocxBuilder({ pool, store, catalogue, options, onError, metrics, guidanceOf }: FinalDocxDeps): BuildFinalDocx {
  return async (report) => {
    let file;
    const elapsed = stopwatch();
    try {
      file = await pool.build(async () => {
        const rooms = await readReportRooms(store, report);
        const size = storedSize(rooms);
        if (size > options.maxStoredBytes) throw exportTooLarge(size, options.maxStoredBytes);
        const guidance = guidanceOf?.(report) ?? undefined;
        return { report: { ...report, status: 'issued' }, rooms: packRooms(rooms), catalogue, requestedAt: Date.now(), guidance };
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      onError(error, report);
      throw exportFailed();
    }
    metrics?.observeExport('issuing', elapsed());
    const docx = new Uint8Array(file.docx);
    return { docx, sha256: createHash('sha256').update(docx).digest('hex'), disposition: file.disposition };
  };
}
