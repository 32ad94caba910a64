/**
 * Helpers of the signing tests (issue 10, items 3–4): an issued report, uploads of raw files as the
 * browser sends them (the type in Content-Type, the name percent-encoded in X-File-Name), downloads read
 * whole with their headers, and the SHA-256 the server should report.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Report } from '../../../common/report.js';
import { ok, type WorkflowFixture, type Who } from '../workflow/support.js';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A new report brought all the way to issued (the next free number, 30 June 2025). */
export async function issuedReport(f: WorkflowFixture, title?: string): Promise<Report> {
  const report = await f.newReport(title);
  return f.bringTo(report.id, 'issued', { date: '2025-06-30' });
}

export interface UploadOptions {
  /** Content-Type; null: none sent. */
  type?: string | null;
  /** The file's name, sent percent-encoded in X-File-Name; null: none sent. */
  name?: string | null;
  /** Sent as is, instead of `name` encoded. */
  rawName?: string;
}

/** `PUT /api/reports/:id/signed` as `who`, with `body` as the raw request body. */
export function upload(
  f: WorkflowFixture,
  who: Who,
  reportId: string,
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
  { type = 'application/pdf', name = 'bao-cao-da-ky.pdf', rawName }: UploadOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { cookie: f.cookies[who] };
  if (type !== null) headers['content-type'] = type;
  if (rawName !== undefined) headers['x-file-name'] = rawName;
  else if (name !== null) headers['x-file-name'] = encodeURIComponent(name);
  const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', headers, body };
  // A stream is sent chunked, without a length: the server learns the size only as it reads.
  if (body instanceof ReadableStream) init.duplex = 'half';
  return fetch(`${f.server.url}/api/reports/${encodeURIComponent(reportId)}/signed`, init);
}

/** A download that must succeed: its bytes and headers. */
export async function download(f: WorkflowFixture, who: Who, path: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; headers: Headers }> {
  const response = await f.as(who, 'GET', path);
  expect(response.status, `${who} ${path}: ${response.status === 200 ? '' : await response.clone().text()}`).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
}

/** A stream of `size` bytes starting with `head`, made as it is read: a large file never held whole by the test. */
export function streamOf(head: Uint8Array, size: number, chunkBytes = 256 * 1024): { stream: ReadableStream<Uint8Array>; sent(): number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(chunkBytes, size - sent));
      if (sent === 0) chunk.set(head.subarray(0, chunk.length));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

export { ok };
