/**
 * What one REST call is, written once: its method and path, the schemas of what it takes and answers, who
 * may call it and what it does. The server validates its input with these schemas, the client parses the
 * answers with them, and `GET /api/openapi.json` is generated from them (the table is `common/api/routes.ts`).
 */
import type { z } from 'zod';
import type { Role } from '../access.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a call answers when it succeeds. */
export type Success =
  /**
   * A JSON body; with `unavailable`, the same body also comes with 503 when the call cannot serve, and that
   * text says when (`GET /api/health`, whose answer a load balancer reads by its status).
   */
  | { status: 200 | 201; description: string; schema: z.ZodType; unavailable?: string }
  /** No body. */
  | { status: 204; description: string }
  /** A file of this media type (or of one of these, named in its Content-Type). */
  | { status: 200; description: string; file: string | readonly string[] };

/**
 * The refusals of a call, by status, with what each means. The ones every call may give need not be
 * listed: 401 without a session, 403 `cross_site`, 400 for a body that is not JSON or does not fit.
 */
export type RouteErrors = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, string>>;

/** A file sent as the raw body of the request (not JSON), e.g. the signed copy of a report. */
export interface UploadSpec {
  /** The media types the file may be sent as. */
  types: readonly string[];
  /** Its largest size, in bytes. */
  maxBytes: number;
  /** A request header that carries its name, when there is one. */
  nameHeader?: string;
  description: string;
}

export interface RouteSpec {
  method: HttpMethod;
  /** In Fastify's form, `/api/reports/:id`; each `:name` is a key of `params`. */
  path: string;
  /** One line on what the call does, for the API page. */
  summary: string;
  /** Who may call: anyone (`public`, no session needed), anyone signed in, or these roles. */
  roles: 'public' | 'signed-in' | readonly Role[];
  /** What the roles alone do not say, e.g. which reports an editor sees. */
  rolesNote?: string;
  /** The path's parameters, as strings. */
  params?: z.ZodObject;
  /** The query string's parameters, as strings. */
  query?: z.ZodObject;
  /** The JSON body. */
  body?: z.ZodType;
  /** A file as the body, instead of JSON. */
  upload?: UploadSpec;
  success: Success;
  /** Each refusal particular to this call, with what it means. */
  errors?: RouteErrors;
}

/** Declares a route, keeping its exact type so that its schemas type what the call takes and answers. */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

/** The JSON body a route answers with (after parsing), or `undefined` for a call without one. */
export type ResponseOf<R extends RouteSpec> = R['success'] extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The JSON body a route takes, as a caller writes it. */
export type BodyOf<R extends RouteSpec> = R extends { body: infer B extends z.ZodType } ? z.input<B> : never;

/** The path parameters a route takes. */
export type ParamsOf<R extends RouteSpec> = R extends { params: infer P extends z.ZodType } ? z.input<P> : never;

/** The query parameters a route takes. */
export type QueryOf<R extends RouteSpec> = R extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;

/** The names of a path's parameters, in order: `/api/reports/:id/sections/:sectionId` → `id`, `sectionId`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/** The path of a call with its parameters filled in (each URL-encoded). */
export function pathOf(route: Pick<RouteSpec, 'path'>, params: Readonly<Record<string, string>> = {}): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}
