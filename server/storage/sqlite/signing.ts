/** The issued report's PDF and its signed copies in SQLite (issue 10, items 3–4; tables in signingSchema.ts). */
import type { Database } from 'better-sqlite3';
import type { AuditRecord } from '../reviewStore.js';
import { bytesOf } from '../rows/bytes.js';
import { SUMMARY_COLUMNS, toPdf, toSummary, type CopyRow, type PdfRow } from '../rows/signingRows.js';
import type { IssuedPdfRecord, SignedCopyRecord, SigningStore } from '../signingStore.js';
import type { SqliteAudit } from './audit.js';

/** The same bytes as a Buffer, without copying 50 MB. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function sqliteSigning(db: Database, audit: SqliteAudit): SigningStore {
  const selectPdf = db.prepare<[string], PdfRow>('SELECT * FROM report_pdfs WHERE report_id = ?');
  // Only for an issued report; a PDF stored already stays (the first rendering wins).
  const insertPdf = db.prepare<[string, string, string, string, Buffer, string]>(
    `INSERT INTO report_pdfs (report_id, sha256, rendered_at, rendered_by, pdf)
     SELECT ?, ?, ?, ?, ? FROM reports WHERE id = ? AND status = 'issued'
     ON CONFLICT (report_id) DO NOTHING`,
  );
  const insertCopy = db.prepare(
    `INSERT INTO signed_copies (report_id, sha256, size, file_name, content_type, uploaded_by, uploaded_by_name, uploaded_at, signatures, data)
     SELECT @reportId, @sha256, @size, @fileName, @contentType, @uploadedBy, @uploadedByName, @uploadedAt, @signatures, @data
     FROM reports WHERE id = @reportId AND status = 'issued'`,
  );
  const selectCurrent = db.prepare<[string], CopyRow & { data: Buffer }>(
    `SELECT ${SUMMARY_COLUMNS}, data FROM signed_copies WHERE report_id = ? ORDER BY seq DESC LIMIT 1`,
  );
  const selectCopies = db.prepare<[string], CopyRow>(`SELECT ${SUMMARY_COLUMNS} FROM signed_copies WHERE report_id = ? ORDER BY seq DESC`);

  const storePdf = db.transaction((pdf: IssuedPdfRecord, entry: AuditRecord): IssuedPdfRecord | null => {
    const { reportId, sha256, renderedAt, renderedBy } = pdf;
    if (insertPdf.run(reportId, sha256, renderedAt, renderedBy, asBuffer(pdf.pdf), reportId).changes > 0) audit.append(entry);
    const stored = selectPdf.get(reportId);
    return stored ? toPdf(stored) : null;
  });
  const addCopy = db.transaction((copy: SignedCopyRecord, entry: AuditRecord): boolean => {
    const row = { ...copy, signatures: JSON.stringify(copy.signatures), data: asBuffer(copy.data) };
    if (insertCopy.run(row).changes === 0) return false;
    audit.append(entry);
    return true;
  });

  return {
    async getIssuedPdf(reportId) {
      const row = selectPdf.get(reportId);
      return row ? toPdf(row) : null;
    },
    async storeIssuedPdf(pdf, entry) {
      return storePdf(pdf, entry);
    },
    async addSignedCopy(copy, entry) {
      return addCopy(copy, entry);
    },
    async getSignedCopy(reportId) {
      const row = selectCurrent.get(reportId);
      if (!row) return null;
      return { reportId: row.report_id, ...toSummary(row), data: bytesOf(row.data) };
    },
    async listSignedCopies(reportId) {
      return selectCopies.all(reportId).map(toSummary);
    },
  };
}
