/** The issued report's PDF and its signed copies in SQLite (issue 10, items 3–4; tables in signingSchema.ts). */
import type { Database } from 'better-sqlite3';
import type { PdfSignature } from '../../../common/api/signedCopy.js';
import type { SignedCopyType } from '../../../common/signedCopy.js';
import type { AuditRecord } from '../reviewStore.js';
import type { IssuedPdfRecord, SignedCopyRecord, SignedCopySummary, SigningStore } from '../signingStore.js';
import type { SqliteAudit } from './audit.js';
import { toUint8 } from './schema.js';

interface PdfRow {
  report_id: string;
  sha256: string;
  rendered_at: string;
  rendered_by: string;
  pdf: Buffer;
}

interface CopyRow {
  report_id: string;
  sha256: string;
  size: number;
  file_name: string;
  content_type: SignedCopyType;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: string;
  signatures: string;
}

const toPdf = (row: PdfRow): IssuedPdfRecord => ({
  reportId: row.report_id,
  sha256: row.sha256,
  renderedAt: row.rendered_at,
  renderedBy: row.rendered_by,
  pdf: toUint8(row.pdf),
});

const toSummary = (row: CopyRow): SignedCopySummary => ({
  sha256: row.sha256,
  size: row.size,
  fileName: row.file_name,
  contentType: row.content_type,
  uploadedBy: row.uploaded_by,
  uploadedByName: row.uploaded_by_name,
  uploadedAt: row.uploaded_at,
  signatures: JSON.parse(row.signatures) as PdfSignature[],
});

/** The same bytes as a Buffer, without copying 50 MB. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The columns of a copy but its bytes, which listing never reads. */
const SUMMARY_COLUMNS = 'report_id, sha256, size, file_name, content_type, uploaded_by, uploaded_by_name, uploaded_at, signatures';

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
      return { reportId: row.report_id, ...toSummary(row), data: toUint8(row.data) };
    },
    async listSignedCopies(reportId) {
      return selectCopies.all(reportId).map(toSummary);
    },
  };
}
