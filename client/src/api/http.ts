/**
 * JSON over HTTP to the server (same origin). Every failure becomes an {@link ApiError} whose message can
 * be shown to the person as is. A 401 from any call but the login itself means the session is gone (logged
 * out, expired after inactivity, account disabled): it is reported through {@link reportUnauthenticated},
 * which takes the person to the login page.
 */
import type { z } from 'zod';
import { pathOf, type BodyOf, type HttpMethod, type ParamsOf, type ResponseOf, type RouteSpec } from '../../../common/api/route.js';
import { isApiErrorBody } from '../../../common/apiError.js';
import { takeEarlyResponse } from '../headStart.js';
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

/** How a call is made, besides its route and input. */
export interface CallOptions {
  signal?: AbortSignal;
  /** The query string's parameters (those left undefined are not sent). */
  query?: Readonly<Record<string, string | undefined>>;
  /**
   * True for the login call, whose 401 is an answer (wrong credentials), not a lost session: it is thrown
   * without sending the person to the login page.
   */
  unauthenticatedIsAnswer?: boolean;
}

interface SendOptions extends CallOptions {
  method: HttpMethod;
  /** A body, serialised as JSON. */
  json?: unknown;
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

async function send(path: string, init: SendOptions): Promise<Response> {
  const { method } = init;
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only with a body: the server (Fastify) refuses an empty body declared as JSON. Cross-site writes are
  // refused by Origin / Sec-Fetch-Site, which the browser sets on every same-origin fetch.
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    // Sent when the page started loading (headStart.ts), if it was, and succeeded; else asked for now.
    const early = method === 'GET' ? await takeEarlyResponse(path) : undefined;
    init.signal?.throwIfAborted();
    response = early ?? await fetch(path, {
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

/** What a call sends: its path parameters and body, as its entry in the route table types them. */
export type CallInput<R extends RouteSpec> = (R extends { params: z.ZodType } ? { params: ParamsOf<R> } : { params?: undefined }) &
  (R extends { body: z.ZodType } ? { body: BodyOf<R> } : { body?: undefined }) &
  CallOptions;

/**
 * Makes a call of the route table (common/api/routes.ts): its method, its path with `params` filled in,
 * `body` as JSON; the answer is parsed with the route's schema, and one that does not fit is thrown as
 * `bad_response`. Answers the parsed body, or nothing for a call that answers 204.
 */
export async function call<R extends RouteSpec>(route: R, input: CallInput<R>): Promise<ResponseOf<R>> {
  const path = `${pathOf(route, input.params as Record<string, string> | undefined)}${queryString(input.query)}`;
  const { signal, unauthenticatedIsAnswer } = input;
  const response = await send(path, { method: route.method, json: input.body, signal, unauthenticatedIsAnswer });
  if (!('schema' in route.success)) return undefined as ResponseOf<R>;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = route.success.schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', `Unexpected answer from ${route.method} ${path}`);
  return parsed.data as ResponseOf<R>;
}

/** `?a=1&b=2` of the parameters that have a value; '' when none has. */
export function queryString(query: Readonly<Record<string, string | undefined>> = {}): string {
  const given = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return given.length === 0 ? '' : `?${new URLSearchParams(given).toString()}`;
}

/** The text to show for an error thrown by an API call (or anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
