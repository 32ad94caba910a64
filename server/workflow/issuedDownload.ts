/**
 * The download of an issued report (issue 10; CONTRACT.md, "Issued"): exactly the bytes stored at issuing,
 * never built again, with their SHA-256 in `X-Content-SHA256` (hex), equal to the report's `issuedSha256`.
 */
import type { FastifyReply } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { WorkflowStore } from '../storage/workflowStore.js';

/** The header carrying the SHA-256 (hex) of the stored file. */
export const CONTENT_SHA256_HEADER = 'x-content-sha256';

/** Sends the file stored when the report was issued. */
export async function sendIssuedFile(reply: FastifyReply, store: Pick<WorkflowStore, 'getIssuedFile'>, reportId: string): Promise<FastifyReply> {
  const file = await store.getIssuedFile(reportId);
  // An issued report without its file cannot happen (both are stored in one transaction): a 500, logged.
  if (!file) throw new Error(`report ${reportId} is issued but has no stored file`);
  return reply
    .header('content-type', api.exportDocx.success.file)
    .header('content-disposition', file.disposition)
    .header(CONTENT_SHA256_HEADER, file.sha256)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.docx.buffer, file.docx.byteOffset, file.docx.byteLength));
}
