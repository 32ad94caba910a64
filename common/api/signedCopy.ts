/**
 * The issued report's PDF for signing and its signed copy (CONTRACT.md, "Review, workflow, issuing,
 * records"; issue 10, items 3–4): the PDF rendered once from the Word file stored at issuing; the file the
 * office uploads once the report is signed, stored unchanged, with what its digital signatures say.
 */
import { z } from 'zod';
import { FILE_NAME_HEADER, MAX_SIGNED_COPY_BYTES, SIGNED_COPY_TYPES, UNKNOWN_FILE_TYPE } from '../signedCopy.js';
import { defineRoute } from './route.js';

const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('the SHA-256 of the stored bytes, lower-case hex');

export const pdfSignatureSchema = z
  .object({
    signerName: z.string().nullable().describe('the common name (CN) of the signer’s certificate; null when the signature cannot be read'),
    organization: z.string().nullable().describe('the organisation (O) of the signer’s certificate, when it names one'),
    signedAt: z.iso.datetime().nullable().describe('when it was signed, as the signature says (its signing-time attribute, else the /M entry)'),
    valid: z.boolean().describe('the signature verifies over the bytes it names (/ByteRange) with the certificate’s key'),
    coversWholeFile: z
      .boolean()
      .describe('it covers the whole file but its own value: nothing was changed or appended after it was signed'),
    chainTrust: z
      .literal('unknown')
      .describe('whether the certificate chains to an authority the agency trusts: not checked, so always unknown'),
  })
  .describe('A digital signature of a PDF, as its signature dictionary and CMS SignedData say');

export const signedCopySchema = z
  .object({
    sha256,
    size: z.number().int().min(1).describe('in bytes'),
    fileName: z.string().describe('as uploaded, made safe: no folders, no control characters, with its extension'),
    contentType: z.enum(SIGNED_COPY_TYPES).describe('the type its bytes show, whatever was declared'),
    uploadedBy: z.string().describe('the user id of who uploaded it'),
    uploadedByName: z.string().nullable().describe('their display name'),
    uploadedAt: z.iso.datetime(),
    signatures: z.array(pdfSignatureSchema).describe('one per signature of a PDF; none for a scan or an unsigned PDF'),
  })
  .describe('The signed copy of an issued report, stored exactly as uploaded');

export const signedCopyInfoSchema = z
  .object({
    current: signedCopySchema.nullable().describe('the copy `GET …/signed` returns; null before any upload'),
    earlier: z.array(signedCopySchema).describe('the copies it replaced, newest first: each upload is kept'),
  })
  .describe('The signed copy of a report, and the ones uploaded before it');

export const capabilitiesSchema = z
  .object({
    issuedPdf: z
      .boolean()
      .describe('whether the server can render an issued report as PDF (LibreOffice is installed); false: `GET …/issued.pdf` answers 503 `pdf_unavailable` until it is'),
  })
  .describe('What this server can do beyond what every installation does');

const reportParams = z.object({ id: z.string() });

const READERS = 'anyone who may read the report: the office, the admin, the chairperson, and the departments that own one of its sections';

export const signedCopyRoutes = {
  issuedPdf: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/issued.pdf',
    summary:
      'The issued report as PDF, the form digital signing tools take: rendered by LibreOffice from the Word file stored at issuing the first time it is asked for, then stored, so every download returns the same bytes, with their SHA-256 (hex) in X-Content-SHA256',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the PDF', file: 'application/pdf' },
    errors: {
      403: 'not shared with the caller',
      404: 'no such report',
      409: 'the report is not issued yet (`not_issued`)',
      503: 'LibreOffice is not installed on the server, so no PDF can be rendered (`pdf_unavailable`), or it is busy rendering others (`pdf_busy`)',
    },
  }),
  uploadSignedCopy: defineRoute({
    method: 'PUT',
    path: '/api/reports/:id/signed',
    summary:
      'Stores the signed copy of an issued report, byte for byte, with its SHA-256; a PDF’s digital signatures are read and checked. An upload replaces the current copy and keeps the earlier ones; each is written to the audit log',
    roles: ['admin', 'office'],
    params: reportParams,
    upload: {
      types: [...SIGNED_COPY_TYPES, UNKNOWN_FILE_TYPE],
      maxBytes: MAX_SIGNED_COPY_BYTES,
      nameHeader: FILE_NAME_HEADER,
      description: `the file as it is: a PDF, or a PNG, JPEG or TIFF scan, at most ${MAX_SIGNED_COPY_BYTES / (1024 * 1024)} MB; its first bytes must show that type (${UNKNOWN_FILE_TYPE}: whichever they show)`,
    },
    success: { status: 200, description: 'the stored copy', schema: signedCopySchema },
    errors: {
      403: 'not the office, or not shared with the caller',
      404: 'no such report',
      409: 'the report is not issued (`not_issued`)',
      413: 'the file is over 50 MB (`file_too_large`)',
      415: 'the file is not a PDF, PNG, JPEG or TIFF, or not the type it was sent as (`unsupported_file_type`)',
    },
  }),
  downloadSignedCopy: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/signed',
    summary: 'The current signed copy, exactly the bytes uploaded, with its SHA-256 (hex) in X-Content-SHA256',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the file, as its type', file: SIGNED_COPY_TYPES },
    errors: { 403: 'not shared with the caller', 404: 'no such report, or no signed copy yet (`no_signed_copy`)' },
  }),
  signedCopyInfo: defineRoute({
    method: 'GET',
    path: '/api/reports/:id/signed/info',
    summary: 'What is known of the signed copy: its hash, size, name, type, who uploaded it when, its signatures; and the copies it replaced',
    roles: 'signed-in',
    rolesNote: READERS,
    params: reportParams,
    success: { status: 200, description: 'the current copy (null before any) and the earlier ones', schema: signedCopyInfoSchema },
    errors: { 403: 'not shared with the caller', 404: 'no such report' },
  }),
  capabilities: defineRoute({
    method: 'GET',
    path: '/api/capabilities',
    summary: 'What this server can do that depends on how it is installed: rendering PDF (LibreOffice)',
    roles: 'signed-in',
    success: { status: 200, description: 'the capabilities', schema: capabilitiesSchema },
  }),
};

export const signedCopySchemas = {
  PdfSignature: pdfSignatureSchema,
  SignedCopy: signedCopySchema,
  SignedCopyInfo: signedCopyInfoSchema,
  Capabilities: capabilitiesSchema,
};

export type PdfSignature = z.infer<typeof pdfSignatureSchema>;
export type SignedCopy = z.infer<typeof signedCopySchema>;
export type SignedCopyInfo = z.infer<typeof signedCopyInfoSchema>;
export type Capabilities = z.infer<typeof capabilitiesSchema>;
