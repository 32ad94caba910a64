/**
 * The signed copy of an issued report (issue 10, item 4): the office uploads the signed file — a digitally
 * signed PDF or a scan — and it is stored unchanged with its SHA-256, size, name, type, uploader and time,
 * and, for a PDF, what its signatures say (pdfSignature.ts). An upload replaces the current copy and keeps
 * the earlier ones; each is written to the audit log in the same transaction, then mirrored into the
 * review room (`signedSha256`) so that every open page shows the new copy.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { SignedCopy, SignedCopyInfo } from '../../common/api/signedCopy.js';
import { AuditAction } from '../../common/auditActions.js';
import type { Report } from '../../common/report.js';
import { canUploadSignedCopy, safeFileName } from '../../common/signedCopy.js';
import type { Identity } from '../auth/identity.js';
import type { ReportService } from '../reports/reportService.js';
import type { SignedCopyRecord, SigningStore } from '../storage/signingStore.js';
import { readPdfSignatures } from './pdfSignature.js';
import { noSignedCopy, notIssued, uploadForbidden } from './signingErrors.js';
import type { Upload } from './uploadBody.js';

export interface SignedCopyService {
  /** The report the caller may upload a signed copy to: 403 unless the office, 409 unless issued. Before any byte is read. */
  uploadTarget(caller: Identity, reportId: string): Promise<Report>;
  /** Stores the file read for `report` under `fileName` (made safe here); the stored copy's description. */
  upload(caller: Identity, report: Report, file: Upload, fileName: string): Promise<SignedCopy>;
  /** The current copy with its bytes; 404 `no_signed_copy` before any upload. */
  current(caller: Identity, reportId: string): Promise<SignedCopyRecord>;
  /** The current copy (null before any) and the earlier ones, newest first. */
  info(caller: Identity, reportId: string): Promise<SignedCopyInfo>;
}

export interface SignedCopyDeps {
  reports: Pick<ReportService, 'get'>;
  store: SigningStore;
  /** Tells every page open on the report that its current signed copy is now the one with this hash. */
  publish: (reportId: string, sha256: string) => Promise<void>;
  logger: FastifyBaseLogger;
  now?: () => Date;
}

export function createSignedCopyService({ reports, store, publish, logger, now = () => new Date() }: SignedCopyDeps): SignedCopyService {
  return {
    async uploadTarget(caller, reportId) {
      if (!canUploadSignedCopy(caller.role)) throw uploadForbidden();
      const report = await reports.get(caller, reportId);
      if (report.status !== 'issued') throw notIssued();
      return report;
    },

    async upload(caller, report, file, fileName) {
      const signatures = file.type === 'application/pdf' ? await readPdfSignatures(file.bytes) : [];
      const copy: SignedCopyRecord = {
        reportId: report.id,
        sha256: file.sha256,
        size: file.bytes.byteLength,
        fileName: safeFileName(fileName, file.type),
        contentType: file.type,
        uploadedBy: caller.userId,
        uploadedByName: caller.displayName,
        uploadedAt: now().toISOString(),
        signatures,
        data: file.bytes,
      };
      const signedBy = signatures.flatMap((signature) => (signature.signerName ? [signature.signerName] : [])).join('; ');
      const detail = { sha256: copy.sha256, size: String(copy.size), fileName: copy.fileName, contentType: copy.contentType, ...(signedBy ? { signedBy } : {}) };
      const audit = { reportId: report.id, at: copy.uploadedAt, userId: caller.userId, action: AuditAction.signedUploaded, detail };
      // The status was read before the upload; the store checks it again in the transaction.
      if (!(await store.addSignedCopy(copy, audit))) throw notIssued();
      try {
        await publish(report.id, copy.sha256);
      } catch (error) {
        // Stored, and every REST answer has it; open pages show it when they next ask.
        logger.error({ err: error, room: `${report.id}/review` }, 'could not mirror the signed copy into the review room');
      }
      const { data: _data, reportId: _reportId, ...described } = copy;
      return described;
    },

    async current(caller, reportId) {
      await reports.get(caller, reportId);
      const copy = await store.getSignedCopy(reportId);
      if (!copy) throw noSignedCopy();
      return copy;
    },

    async info(caller, reportId) {
      await reports.get(caller, reportId);
      const [current = null, ...earlier] = await store.listSignedCopies(reportId);
      return { current, earlier };
    },
  };
}
