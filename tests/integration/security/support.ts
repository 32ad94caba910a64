/**
 * Helpers shared by the security suite: the error format of CONTRACT.md, session ids as the store keeps
 * them, what a room holds in the store, and close codes of y-websocket clients.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiErrorBody } from '../../../common/apiError.js';
import type { Store } from '../../../server/storage/store.js';
import type { CollabClient } from '../../helpers/collabClient.js';

/**
 * Checks that a response is an error in the format of CONTRACT.md ("REST"): the status, and a body that is
 * exactly `{ error: { code, message } }` with a non-empty message. Returns the error.
 */
export async function expectError(response: Response, status: number, code: string): Promise<ApiErrorBody['error']> {
  const text = await response.text();
  expect(response.status, `${response.url}: ${text}`).toBe(status);
  expect(response.headers.get('content-type') ?? '').toContain('application/json');
  const body = JSON.parse(text) as ApiErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** The token inside a `ds_session=<token>` cookie pair. */
export function tokenOf(cookie: string): string {
  const at = cookie.indexOf('=');
  return decodeURIComponent(cookie.slice(at + 1));
}

/** The id under which the store keeps the session of a cookie: the SHA-256 (base64url) of its token. */
export function sessionIdOf(cookie: string): string {
  return createHash('sha256').update(tokenOf(cookie)).digest('base64url');
}

/** A Y.Doc rebuilt from what the store holds for a room (snapshot, then the update log). */
export { storedDoc } from '../../helpers/storedDoc.js';

/** True when any stored byte sequence of a room (snapshot or logged update) contains `marker` (UTF-8). */
export async function storeBytesContain(store: Store, room: string, marker: string): Promise<boolean> {
  const stored = await store.loadDocument(room);
  const needle = Buffer.from(marker, 'utf8');
  const chunks = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
  return chunks.some((chunk) => Buffer.from(chunk).includes(needle));
}

/**
 * Resolves with the close code the server sends on the client's current socket. Call it after `synced()`
 * and before the write that should be refused: the provider opens a new socket when it reconnects.
 */
export function nextCloseCode(client: CollabClient): Promise<number> {
  const socket = client.provider.ws;
  if (!socket) throw new Error('the client has no socket');
  return new Promise((resolve) => socket.addEventListener('close', (event) => resolve((event as CloseEvent).code)));
}
