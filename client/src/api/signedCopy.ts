/**
 * The calls of the issued report's PDF and its signed copy (issue 10, items 3–4). The upload sends the file
 * as it is — not JSON — with XMLHttpRequest, the one browser API that reports upload progress; its answer
 * is parsed with the route table's schema like every other call's.
 */
import { api } from '../../../common/api/routes.js';
import type { Capabilities, SignedCopy, SignedCopyInfo } from '../../../common/api/signedCopy.js';
import { pathOf } from '../../../common/api/route.js';
import { isApiErrorBody } from '../../../common/apiError.js';
import { FILE_NAME_HEADER, type SignedCopyType } from '../../../common/signedCopy.js';
import { reportUnauthenticated } from '../session/unauthenticated.js';
import { ApiError, call } from './http.js';

/** What this server can do: render the PDF (LibreOffice installed). */
export function getCapabilities(signal?: AbortSignal): Promise<Capabilities> {
  return call(api.capabilities, { signal });
}

/** The report's current signed copy (null before any) and the ones it replaced. */
export function getSignedCopyInfo(reportId: string, signal?: AbortSignal): Promise<SignedCopyInfo> {
  return call(api.signedCopyInfo, { params: { id: reportId }, signal });
}

/** Where the issued report's PDF is downloaded. */
export function issuedPdfUrl(reportId: string): string {
  return pathOf(api.issuedPdf, { id: reportId });
}

/** Where the current signed copy is downloaded. */
export function signedCopyUrl(reportId: string): string {
  return pathOf(api.downloadSignedCopy, { id: reportId });
}

/** How far an upload has come, from 0 to 1. */
export type UploadProgress = (fraction: number) => void;

/**
 * Uploads `file` as the report's signed copy, sent as `type` (what its first bytes showed), its name in
 * the X-File-Name header. Resolves with the stored copy; rejects with an {@link ApiError} (the server's
 * refusal, `network`, or `aborted` when `signal` aborts it).
 */
export function uploadSignedCopy(reportId: string, file: Blob & { name: string }, type: SignedCopyType, onProgress: UploadProgress, signal?: AbortSignal): Promise<SignedCopy> {
  const route = api.uploadSignedCopy;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(route.method, pathOf(route, { id: reportId }));
    request.setRequestHeader('content-type', type);
    request.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    request.setRequestHeader('accept', 'application/json');
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status === 200) {
        const parsed = route.success.schema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(request.status, 'bad_response', `Unexpected answer from ${route.method} ${route.path}`));
        return;
      }
      if (request.status === 401) reportUnauthenticated();
      if (isApiErrorBody(body)) reject(new ApiError(request.status, body.error.code, body.error.message));
      else reject(new ApiError(request.status, 'http_error', `${request.status} ${request.statusText}`.trim()));
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'the server could not be reached'));
    request.onabort = () => reject(new ApiError(0, 'aborted', 'the upload was cancelled'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
