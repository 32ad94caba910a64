/**
 * The issued report's PDF and its signed copies as both stores read them back: SQLite and PostgreSQL give
 * rows of this shape, bytes as a Buffer and signatures as JSON text.
 */
import type { PdfSignature } from '../../../common/api/signedCopy.js';
import type { SignedCopyType } from '../../../common/signedCopy.js';
import type { IssuedPdfRecord, SignedCopySummary } from '../signingStore.js';
import { bytesOf } from './bytes.js';

export interface PdfRow {
  report_id: string;
  sha256: string;
  rendered_at: string;
  rendered_by: string;
  pdf: Buffer;
}

/** A `signed_copies` row but its bytes (`SUMMARY_COLUMNS`). */
export interface CopyRow {
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

/** The columns of a copy but its bytes, which listing never reads. */
export const SUMMARY_COLUMNS = 'report_id, sha256, size, file_name, content_type, uploaded_by, uploaded_by_name, uploaded_at, signatures';

export const toPdf = (row: PdfRow): IssuedPdfRecord => ({
  reportId: row.report_id,
  sha256: row.sha256,
  renderedAt: row.rendered_at,
  renderedBy: row.rendered_by,
  pdf: bytesOf(row.pdf),
});

export const toSummary = (row: CopyRow): SignedCopySummary => ({
  sha256: row.sha256,
  size: row.size,
  fileName: row.file_name,
  contentType: row.content_type,
  uploadedBy: row.uploaded_by,
  uploadedByName: row.uploaded_by_name,
  uploadedAt: row.uploaded_at,
  signatures: JSON.parse(row.signatures) as PdfSignature[],
});
