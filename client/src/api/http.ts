/**
 * JSON over HTTP to the server (same origin). Every failure becomes an {@link ApiError} whose message can
 * be shown to the person as is.
 */
import { isApiErrorBody } from '../../../common/apiError.js';

/** A failed API call: the server's error body when it sent one, or a description of what went wrong. */
export class ApiError extends Error {
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The server's stable error id (`not_found`, …), or `network` / `bad_response` for client-side failures. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/**
 * Calls the API and checks the shape of the answer.
 * @param path The path under the origin, e.g. `/api/reports`.
 * @param isExpected A type guard for the answer; a body that fails it is reported as `bad_response`.
 * @param init `fetch` options; a `json` body is serialised and sent with the right content type.
 */
export async function requestJson<T>(
  path: string,
  isExpected: (value: unknown) => value is T,
  init: { method?: string; json?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isApiErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message);
    throw new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`.trim());
  }
  if (!isExpected(body)) throw new ApiError(response.status, 'bad_response', `Unexpected answer from ${path}`);
  return body;
}

/** The text to show for an error thrown by an API call (or anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
