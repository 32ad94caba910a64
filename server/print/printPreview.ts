/**
 * "Xem bản in" (issue 12: a print preview in the browser shows the same pages as the export): the report's
 * Word file — exactly what `GET …/export.docx` gives now, the file stored at issuing once the report is
 * issued — rendered to PDF by LibreOffice, the path the issued PDF takes (server/signing/sofficeRenderer.ts),
 * so the pages seen are the pages printed. Nothing is stored: the rooms change while people write. Bounded
 * by the renderer's queue (503 `pdf_busy`) and the export pool's (503 `export_busy`); 503 `pdf_unavailable`
 * without LibreOffice, told before any file is built.
 */
import type { AwardCatalogue } from '../../common/awards.js';
import { AuditAction } from '../../common/auditActions.js';
import type { Report } from '../../common/report.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { Identity } from '../auth/identity.js';
import { AppError, exportFailed, exportTooLarge } from '../errors.js';
import type { ExportOptions } from '../export/exportOptions.js';
import type { ExportPool } from '../export/exportPool.js';
import { readReportRooms } from '../export/loadReport.js';
import { packRooms, storedSize } from '../export/packedRooms.js';
import type { ReportService } from '../reports/reportService.js';
import { pdfDisposition } from '../signing/issuedPdf.js';
import { pdfUnavailable } from '../signing/signingErrors.js';
import type { PdfRenderer } from '../signing/sofficeRenderer.js';
import type { DocumentStore } from '../storage/store.js';
import type { WorkflowStore } from '../storage/workflowStore.js';

export interface PrintPreviewDeps {
  reports: Pick<ReportService, 'get' | 'guidanceOf'>;
  /** The rooms a draft's file is built from; an issued report's stored file. */
  store: Pick<DocumentStore, 'loadDocument'> & Pick<WorkflowStore, 'getIssuedFile'>;
  catalogue: AwardCatalogue;
  options: Pick<ExportOptions, 'maxStoredBytes'>;
  /** The export threads, shared with downloads and issuing. */
  pool: ExportPool;
  /** LibreOffice, shared with the issued PDF: one rendering at a time. */
  renderer: PdfRenderer;
  /** Where each preview is recorded: it is a copy of the report, as a download is. */
  audit?: Pick<AuditLog, 'record'>;
  /** What the export worker's failure was, for the log (the caller gets 500 `export_failed`). */
  onExportError: (error: unknown, reportId: string) => void;
}

/** A preview: the PDF, and the Content-Disposition that shows it in the browser under the export's name. */
export interface PrintPreview {
  pdf: Uint8Array;
  disposition: string;
}

export interface PrintPreviewService {
  /** Throws 404 or 403 as reading the report does, then 503 `pdf_unavailable`, `pdf_busy`, `export_busy`, 413, 500. */
  get(caller: Identity, reportId: string): Promise<PrintPreview>;
}

/** The export's `attachment` disposition made `inline`, its names ending in .pdf: the browser shows it. */
export function previewDisposition(docxDisposition: string): string {
  return pdfDisposition(docxDisposition).replace(/^attachment\b/i, 'inline');
}

export function createPrintPreviewService({ reports, store, catalogue, options, pool, renderer, audit, onExportError }: PrintPreviewDeps): PrintPreviewService {
  /** The Word file `GET …/export.docx` would give now (without comments). */
  async function currentFile(report: Report): Promise<{ docx: Uint8Array; disposition: string }> {
    if (report.status === 'issued') {
      const file = await store.getIssuedFile(report.id);
      if (!file) throw new Error(`report ${report.id} is issued but has no stored file`);
      return file;
    }
    try {
      return await pool.build(async () => {
        const rooms = await readReportRooms(store, report);
        const size = storedSize(rooms);
        if (size > options.maxStoredBytes) throw exportTooLarge(size, options.maxStoredBytes);
        const guidance = reports.guidanceOf(report) ?? undefined;
        return { report, rooms: packRooms(rooms), catalogue, requestedAt: Date.now(), guidance };
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      onExportError(error, report.id);
      throw exportFailed();
    }
  }

  return {
    async get(caller, reportId) {
      const report = await reports.get(caller, reportId);
      if ((await renderer.locate()) === null) throw pdfUnavailable();
      const file = await currentFile(report);
      const pdf = await renderer.render(file.docx);
      await audit?.record({ reportId: report.id, userId: caller.userId, action: AuditAction.exportPdf, detail: { preview: '1' } });
      return { pdf, disposition: previewDisposition(file.disposition) };
    },
  };
}
