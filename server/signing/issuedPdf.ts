/**
 * The issued report as PDF (issue 10, item 3), the form Vietnamese signing tools take: rendered by
 * LibreOffice from the Word file stored at issuing the first time anyone asks, stored with its SHA-256,
 * and from then on returned as stored — the same bytes on every download, whether or not LibreOffice is
 * still there. Two asking at once for a report not yet rendered share one rendering.
 */
import { createHash } from 'node:crypto';
import { AuditAction } from '../../common/auditActions.js';
import type { Identity } from '../auth/identity.js';
import type { ReportService } from '../reports/reportService.js';
import type { AuditStore } from '../storage/auditStore.js';
import type { IssuedPdfRecord, SigningStore } from '../storage/signingStore.js';
import type { WorkflowStore } from '../storage/workflowStore.js';
import { notIssued } from './signingErrors.js';
import type { PdfRenderer } from './sofficeRenderer.js';

/** A stored PDF with the Content-Disposition it is downloaded with. */
export interface IssuedPdf extends IssuedPdfRecord {
  disposition: string;
}

export interface IssuedPdfService {
  /** Whether a PDF can be rendered here (LibreOffice is installed). */
  available(): Promise<boolean>;
  /** The report's PDF, rendered and stored first if needed; 409 `not_issued` before the report is issued. */
  get(caller: Identity, reportId: string): Promise<IssuedPdf>;
}

export interface IssuedPdfDeps {
  reports: Pick<ReportService, 'get'>;
  store: Pick<SigningStore, 'getIssuedPdf' | 'storeIssuedPdf'> & Pick<WorkflowStore, 'getIssuedFile'> & Pick<AuditStore, 'appendAudit'>;
  renderer: PdfRenderer;
  now?: () => Date;
}

/** The Word file's disposition with its names ending in .pdf: the PDF is that file, in another form. */
export function pdfDisposition(docxDisposition: string): string {
  return docxDisposition.replace(/\.docx(?="|;|$)/gi, '.pdf');
}

export function createIssuedPdfService({ reports, store, renderer, now = () => new Date() }: IssuedPdfDeps): IssuedPdfService {
  // Report id → the rendering under way: whoever asks meanwhile waits for it instead of rendering again.
  const rendering = new Map<string, Promise<IssuedPdfRecord>>();

  async function render(caller: Identity, reportId: string, docx: Uint8Array): Promise<IssuedPdfRecord> {
    const pdf = await renderer.render(docx);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const at = now().toISOString();
    const record: IssuedPdfRecord = { reportId, sha256, pdf, renderedAt: at, renderedBy: caller.userId };
    const audit = { reportId, at, userId: caller.userId, action: AuditAction.exportPdf, detail: { sha256, rendered: '1' } };
    const stored = await store.storeIssuedPdf(record, audit);
    // Stored only for an issued report, and an issued report stays issued: this would be a fault.
    if (!stored) throw new Error(`report ${reportId} lost its issued status while its PDF was rendered`);
    return stored;
  }

  return {
    async available() {
      return (await renderer.locate()) !== null;
    },

    async get(caller, reportId) {
      const report = await reports.get(caller, reportId);
      if (report.status !== 'issued') throw notIssued();
      const file = await store.getIssuedFile(reportId);
      if (!file) throw new Error(`report ${reportId} is issued but has no stored file`);
      const stored = await store.getIssuedPdf(reportId);
      if (stored) {
        const at = now().toISOString();
        await store.appendAudit([{ reportId, at, userId: caller.userId, action: AuditAction.exportPdf, detail: { sha256: stored.sha256 } }]);
        return { ...stored, disposition: pdfDisposition(file.disposition) };
      }
      let pending = rendering.get(reportId);
      if (!pending) {
        pending = render(caller, reportId, file.docx).finally(() => rendering.delete(reportId));
        rendering.set(reportId, pending);
        return { ...(await pending), disposition: pdfDisposition(file.disposition) };
      }
      const shared = await pending;
      await store.appendAudit([{ reportId, at: now().toISOString(), userId: caller.userId, action: AuditAction.exportPdf, detail: { sha256: shared.sha256 } }]);
      return { ...shared, disposition: pdfDisposition(file.disposition) };
    },
  };
}
