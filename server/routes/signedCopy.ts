/**
 * The signed copy of an issued report (CONTRACT.md, "Review, workflow, issuing, records"; issue 10, item 4):
 * `PUT …/signed` takes the file as the raw body — not JSON — so it is registered in a scope of its own
 * whose one content-type parser leaves the body unread: the caller's rights and the report's status are
 * checked before a byte is read, then the body is streamed with its limit (server/signing/uploadBody.ts).
 */
import type { FastifyInstance } from 'fastify';
import { api } from '../../common/api/routes.js';
import type { SignedCopy, SignedCopyInfo } from '../../common/api/signedCopy.js';
import { MAX_SIGNED_COPY_BYTES } from '../../common/signedCopy.js';
import { isValidId } from '../../common/rooms.js';
import { identityOf } from '../auth/requestAuth.js';
import { notFound } from '../errors.js';
import { attachmentDisposition } from '../signing/disposition.js';
import type { SignedCopyService } from '../signing/signedCopyService.js';
import { checkDeclared, readUpload } from '../signing/uploadBody.js';
import { CONTENT_SHA256_HEADER } from '../workflow/issuedDownload.js';
import { paramsOf } from './input.js';

function existing(id: string): void {
  if (!isValidId(id)) throw notFound(`report "${id.slice(0, 64)}"`);
}

/** The name in `X-File-Name`, percent-encoded UTF-8; as sent when it is not (it is made safe later). */
function fileNameOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? (header[0] ?? '') : (header ?? '');
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** True when the body declares a length the server may read to its end (to drop it) without harm. */
function withinLimit(contentLength: string | undefined): boolean {
  const length = Number(contentLength);
  return contentLength !== undefined && Number.isFinite(length) && length <= MAX_SIGNED_COPY_BYTES;
}

export function registerSignedCopyRoutes(app: FastifyInstance, signedCopies: SignedCopyService): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // Any type (and none): the body stays in the request stream for readUpload.
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    scope.put('/api/reports/:id/signed', async (request, reply): Promise<SignedCopy> => {
      const { id } = paramsOf(api.uploadSignedCopy, request);
      existing(id);
      const caller = identityOf(request);
      try {
        const report = await signedCopies.uploadTarget(caller, id);
        const declared = checkDeclared(request.raw, MAX_SIGNED_COPY_BYTES);
        const file = await readUpload(request.raw, declared, MAX_SIGNED_COPY_BYTES);
        return await signedCopies.upload(caller, report, file, fileNameOf(request.headers['x-file-name']));
      } catch (error) {
        // Refused before the end of the body: what is left of it is read and dropped (Node does so) when
        // its declared length is within the limit; otherwise the socket is not kept open for it.
        if (!request.raw.complete && !withinLimit(request.raw.headers['content-length'])) reply.header('connection', 'close');
        throw error;
      }
    });
  });

  app.get('/api/reports/:id/signed', async (request, reply) => {
    const { id } = paramsOf(api.downloadSignedCopy, request);
    existing(id);
    const copy = await signedCopies.current(identityOf(request), id);
    return reply
      .header('content-type', copy.contentType)
      .header('content-disposition', attachmentDisposition(copy.fileName))
      .header(CONTENT_SHA256_HEADER, copy.sha256)
      .header('cache-control', 'no-store')
      .send(Buffer.from(copy.data.buffer, copy.data.byteOffset, copy.data.byteLength));
  });

  app.get('/api/reports/:id/signed/info', async (request): Promise<SignedCopyInfo> => {
    const { id } = paramsOf(api.signedCopyInfo, request);
    existing(id);
    return signedCopies.info(identityOf(request), id);
  });
}
