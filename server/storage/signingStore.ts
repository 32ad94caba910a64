/**
 * The signing part of the storage interface (issue 10, items 3–4): the PDF of an issued report, rendered
 * once and kept so that every download is the same file, and the signed copies the office uploads — each
 * kept, the newest being the current one — every one written together with its audit entry.
 */
import type { PdfSignature, SignedCopy } from '../../common/api/signedCopy.js';
import type { SignedCopyType } from '../../common/signedCopy.js';
import type { AuditRecord } from './reviewStore.js';

/** The PDF rendered from an issued report's Word file. */
export interface IssuedPdfRecord {
  reportId: string;
  /** The SHA-256 of `pdf`, lower-case hex. */
  sha256: string;
  pdf: Uint8Array;
  /** ISO 8601, UTC. */
  renderedAt: string;
  /** Whose download rendered it. */
  renderedBy: string;
}

/** A signed copy as stored. */
export interface SignedCopyRecord {
  reportId: string;
  sha256: string;
  size: number;
  fileName: string;
  contentType: SignedCopyType;
  uploadedBy: string;
  uploadedByName: string | null;
  /** ISO 8601, UTC. */
  uploadedAt: string;
  signatures: PdfSignature[];
  /** The file, exactly as uploaded. */
  data: Uint8Array;
}

/** A signed copy without its bytes, as the API describes it. */
export type SignedCopySummary = SignedCopy;

export interface SigningStore {
  /** The report's stored PDF, or null when none was rendered yet. */
  getIssuedPdf(reportId: string): Promise<IssuedPdfRecord | null>;
  /**
   * Stores the report's PDF with its audit entry, unless one is stored already: the PDF stored after the
   * call (the first one wins, so two renderings never give two files). Null, storing nothing, when the
   * report is not issued (or does not exist).
   */
  storeIssuedPdf(pdf: IssuedPdfRecord, audit: AuditRecord): Promise<IssuedPdfRecord | null>;
  /**
   * Stores a signed copy as the report's current one, keeping the earlier ones, with its audit entry, in one
   * transaction. False, storing nothing, when the report is not issued (or does not exist).
   */
  addSignedCopy(copy: SignedCopyRecord, audit: AuditRecord): Promise<boolean>;
  /** The current (newest) signed copy with its bytes, or null. */
  getSignedCopy(reportId: string): Promise<SignedCopyRecord | null>;
  /** Every signed copy of the report without its bytes, newest (the current one) first. */
  listSignedCopies(reportId: string): Promise<SignedCopySummary[]>;
}
