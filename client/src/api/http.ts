/**
 * JSON over HTTP to the server (same origin). Every failure becomes an {@link ApiError} whose message can
 * be shown to the person as is. A 401 from any call but the login itself means the session is gone (logged
 * out, expired after inactivity, account disabled): it is reported through {@link reportUnauthenticated},
 * which takes the person to the login page.
 */
import { isApiErrorBody } from '../../../common/apiError.js';
import { reportUnauthenticated } from '../session/unauthenticated.js';

/** A failed API call: the server's error body when it sent one, or a description of what went wrong. */
export class ApiError extends Error {
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's stable error id (`not_found`, …), or `network` / `bad_response` for client-side failures. */
  readonly code: string;
  /** The server's `Retry-After` in seconds (429 answers), when it sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Options of {@link requestJson} and {@link requestNoContent}. */
export interface RequestOptions {
  /** `GET` unless given. */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A body, serialised as JSON. */
  json?: unknown;
  signal?: AbortSignal;
  /**
   * True for the login call, whose 401 is an answer (wrong credentials), not a lost session: it is thrown
   * without sending the person to the login page.
   */
  unauthenticatedIsAnswer?: boolean;
}

/** `Retry-After` as whole seconds; the HTTP-date form is turned into the seconds left until then. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function send(path: string, init: RequestOptions): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only with a body: the server (Fastify) refuses an empty body declared as JSON. Cross-site writes are
  // refused by Origin / Sec-Fetch-Site, which the browser sets on every same-origin fetch.
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401 && init.unauthenticatedIsAnswer !== true) reportUnauthenticated();
  const wait = retryAfter(response);
  if (isApiErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message, wait);
  throw new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`.trim(), wait);
}

/**
 * Calls the API and checks the shape of the answer.
 * @param path The path under the origin, e.g. `/api/reports`.
 * @param isExpected A type guard for the answer; a body that fails it is reported as `bad_response`.
 * @param init The method, a `json` body (serialised and sent with the right content type), and more.
 */
export async function requestJson<T>(path: string, isExpected: (value: unknown) => value is T, init: RequestOptions = {}): Promise<T> {
  const response = await send(path, init);
  const body: unknown = await response.json().catch(() => undefined);
  if (!isExpected(body)) throw new ApiError(response.status, 'bad_response', `Unexpected answer from ${path}`);
  return body;
}

/** Calls the API for a call that answers 204 No Content (or any success whose body does not matter). */
export async function requestNoContent(path: string, init: RequestOptions = {}): Promise<void> {
  await send(path, init);
}

/** The text to show for an error thrown by an API call (or anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
