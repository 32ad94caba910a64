/** The issued report's PDF and its signed copies in PostgreSQL (issue 10, items 3–4; tables in signingSchema.ts). */
import { bytesOf } from '../rows/bytes.js';
import { SUMMARY_COLUMNS, toPdf, toSummary, type CopyRow, type PdfRow } from '../rows/signingRows.js';
import type { SigningStore } from '../signingStore.js';
import { appendAuditEntry } from './audit.js';
import { byteaOf, type PgDb } from './db.js';

const SELECT_PDF = 'SELECT report_id, sha256, rendered_at, rendered_by, pdf FROM report_pdfs WHERE report_id = $1';

export function pgSigning(db: PgDb): SigningStore {
  return {
    async getIssuedPdf(reportId) {
      const { rows } = await db.query<PdfRow>(SELECT_PDF, [reportId]);
      return rows[0] ? toPdf(rows[0]) : null;
    },
    // Only for an issued report; a PDF stored already stays (the first rendering wins), and is what is returned.
    async storeIssuedPdf(pdf, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query(
          `INSERT INTO report_pdfs (report_id, sha256, rendered_at, rendered_by, pdf)
           SELECT id, $2, $3, $4, $5::bytea FROM reports WHERE id = $1 AND status = 'issued'
           ON CONFLICT (report_id) DO NOTHING`,
          [pdf.reportId, pdf.sha256, pdf.renderedAt, pdf.renderedBy, byteaOf(pdf.pdf)],
        );
        if ((rowCount ?? 0) > 0) await appendAuditEntry(tx, entry);
        const { rows } = await tx.query<PdfRow>(SELECT_PDF, [pdf.reportId]);
        return rows[0] ? toPdf(rows[0]) : null;
      });
    },
    async addSignedCopy(copy, entry) {
      return db.transaction(async (tx) => {
        const { rowCount } = await tx.query(
          `INSERT INTO signed_copies (report_id, sha256, size, file_name, content_type, uploaded_by, uploaded_by_name, uploaded_at, signatures, data)
           SELECT id, $2, $3::bigint, $4, $5, $6, $7, $8, $9, $10::bytea FROM reports WHERE id = $1 AND status = 'issued'`,
          [
            copy.reportId,
            copy.sha256,
            copy.size,
            copy.fileName,
            copy.contentType,
            copy.uploadedBy,
            copy.uploadedByName,
            copy.uploadedAt,
            JSON.stringify(copy.signatures),
            byteaOf(copy.data),
          ],
        );
        if (rowCount === 0) return false;
        await appendAuditEntry(tx, entry);
        return true;
      });
    },
    async getSignedCopy(reportId) {
      const { rows } = await db.query<CopyRow & { data: Buffer }>(
        `SELECT ${SUMMARY_COLUMNS}, data FROM signed_copies WHERE report_id = $1 ORDER BY seq DESC LIMIT 1`,
        [reportId],
      );
      const row = rows[0];
      return row ? { reportId: row.report_id, ...toSummary(row), data: bytesOf(row.data) } : null;
    },
    async listSignedCopies(reportId) {
      const { rows } = await db.query<CopyRow>(`SELECT ${SUMMARY_COLUMNS} FROM signed_copies WHERE report_id = $1 ORDER BY seq DESC`, [reportId]);
      return rows.map(toSummary);
    },
  };
}
