/**
 * A call's input read with the schemas of its entry in the route table (common/api/routes.ts): what does not
 * fit is refused with 400 `invalid_input`, naming the first field at fault. Routes validate nothing by hand.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../common/api/route.js';
import { invalidInput } from '../errors.js';

/** The JSON body (an absent body reads as `{}`, so that the schema names the missing fields). */
export function bodyOf<R extends RouteSpec & { body: z.ZodType }>(route: R, request: FastifyRequest): z.output<R['body']> {
  return parse<R['body']>(route, route.body, request.body ?? {}, request);
}

/** The path's parameters. */
export function paramsOf<R extends RouteSpec & { params: z.ZodType }>(route: R, request: FastifyRequest): z.output<R['params']> {
  return parse<R['params']>(route, route.params, request.params, request);
}

/** The query string's parameters. */
export function queryOf<R extends RouteSpec & { query: z.ZodType }>(route: R, request: FastifyRequest): z.output<R['query']> {
  return parse<R['query']>(route, route.query, request.query, request);
}

function parse<S extends z.ZodType>(route: RouteSpec, schema: S, value: unknown, request: FastifyRequest): z.output<S> {
  // Reading a call with another call's schemas is a mistake in the code, not in the request.
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (request.routeOptions.url !== route.path || method !== route.method) {
    throw new Error(`${request.method} ${request.routeOptions.url} read with the schemas of ${route.method} ${route.path}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
