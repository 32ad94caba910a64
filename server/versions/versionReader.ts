/**
 * Reading a named version (issue 10, item 5), for anyone who may read the report: opening it read-only,
 * comparing it with the report now, and exporting it to Word through the export's worker pool — marked
 * "DỰ THẢO" as of the status it was stored in, so only the version stored at issuing prints without it,
 * and for that one the file stored at issuing is answered, byte for byte.
 */
import type { VersionDiff, VersionView } from '../../common/api/versions.js';
import type { AwardCatalogue } from '../../common/awards.js';
import type { Report } from '../../common/report.js';
import { diffContent } from '../../common/versionDiff.js';
import type { Identity } from '../auth/identity.js';
import { AppError, exportFailed, exportTooLarge } from '../errors.js';
import type { ExportOptions } from '../export/exportOptions.js';
import type { ExportPool } from '../export/exportPool.js';
import type { ExportFile } from '../export/exportTask.js';
import { readReportRooms, type StoredReportRooms } from '../export/loadReport.js';
import { packRooms, storedSize } from '../export/packedRooms.js';
import { stopwatch, type Metrics } from '../metrics/metrics.js';
import type { ReportService } from '../reports/reportService.js';
import type { DocumentStore } from '../storage/store.js';
import type { VersionRecord, WorkflowStore } from '../storage/workflowStore.js';
import { versionShape } from '../workflow/versions.js';
import { reportContent } from './versionContent.js';
import { findVersion, versionRooms } from './versionRooms.js';

export interface VersionReaderDeps {
  store: Pick<DocumentStore, 'loadDocument'> & Pick<WorkflowStore, 'getVersion'>;
  /** `guidanceOf`, when given, leaves out guidance an older report still holds as text (common/guidance.ts). */
  reports: Pick<ReportService, 'get'> & Partial<Pick<ReportService, 'guidanceOf'>>;
  catalogue: AwardCatalogue;
  /** The export's pool, shared with downloads and issuing. */
  pool: ExportPool;
  /** The size limit, the same as the export's: comparing reads the rooms too. */
  options: Pick<ExportOptions, 'maxStoredBytes'>;
  /** What a worker's failure was, for the log (the caller answers 500 `export_failed`). */
  onExportError: (error: unknown, reportId: string) => void;
  /** Told how long each file took to build (`dong_soan_export_seconds{kind="version"}`). */
  metrics?: Pick<Metrics, 'observeExport'>;
}

/** A version's Word file: built now, or the one stored when the report was issued (server/workflow/issuedDownload.ts). */
export type VersionFile = { built: ExportFile } | { issued: true };

export interface VersionReader {
  open(caller: Identity, reportId: string, versionId: string): Promise<VersionView>;
  /** How the report now differs from the version. */
  diff(caller: Identity, reportId: string, versionId: string): Promise<VersionDiff>;
  exportFile(caller: Identity, reportId: string, versionId: string): Promise<VersionFile>;
}

export function createVersionReader({ store, reports, catalogue, pool, options, onExportError, metrics }: VersionReaderDeps): VersionReader {
  const bounded = (rooms: StoredReportRooms): StoredReportRooms => {
    const size = storedSize(rooms);
    if (size > options.maxStoredBytes) throw exportTooLarge(size, options.maxStoredBytes);
    return rooms;
  };
  const guidance = (report: Report) => reports.guidanceOf?.(report) ?? null;
  const read = async (caller: Identity, reportId: string, versionId: string): Promise<{ report: Report; version: VersionRecord }> => {
    const report = await reports.get(caller, reportId);
    return { report, version: await findVersion(store, report.id, versionId) };
  };

  return {
    async open(caller, reportId, versionId) {
      const { report, version } = await read(caller, reportId, versionId);
      const content = reportContent(report, bounded(versionRooms(report, version)), catalogue, guidance(report));
      return { version: versionShape(version), report: { id: report.id, title: report.title, status: report.status }, content };
    },

    async diff(caller, reportId, versionId) {
      const { report, version } = await read(caller, reportId, versionId);
      const then = reportContent(report, bounded(versionRooms(report, version)), catalogue, guidance(report));
      const now = reportContent(report, bounded(await readReportRooms(store, report)), catalogue, guidance(report));
      return { version: versionShape(version), ...diffContent(then, now) };
    },

    async exportFile(caller, reportId, versionId) {
      const { report, version } = await read(caller, reportId, versionId);
      // Issued rooms never change again: a version stored since issuing reads as the file stored then.
      if (report.status === 'issued' && version.status === 'issued') return { issued: true };
      const elapsed = stopwatch();
      try {
        const built = await pool.build(async () => ({
          report: { ...report, status: version.status },
          rooms: packRooms(bounded(versionRooms(report, version))),
          catalogue,
          requestedAt: Date.now(),
          guidance: guidance(report) ?? undefined,
        }));
        metrics?.observeExport('version', elapsed());
        return { built };
      } catch (error) {
        if (error instanceof AppError) throw error;
        onExportError(error, report.id);
        throw exportFailed();
      }
    },
  };
}
