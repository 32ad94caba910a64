/** The calls for operators and for readers of the API: `GET /api/health`, `GET /api/openapi.json`. */
import { z } from 'zod';
import { defineRoute } from './route.js';

/** What each check found: it answered in time, it did not, or there is nothing to check (no Redis). */
const checkSchema = z.enum(['ok', 'unreachable']);

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']).describe('ok (200) only while every check passes; unavailable (503) otherwise'),
  rooms: z.number().int().min(0).describe('rooms loaded or loading in this process'),
  store: checkSchema.describe('whether the store (SQLite or PostgreSQL) answered a trivial query in time'),
  redis: z.enum(['ok', 'unreachable', 'off']).describe('whether Redis answered in time; off when this instance runs without it'),
});

export type Health = z.infer<typeof healthSchema>;

/** The parts of an OpenAPI document a reader relies on; the rest is described by the OpenAPI standard. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Whether this instance can serve: its store and Redis answer; how many rooms it holds in memory',
    roles: 'public',
    success: {
      status: 200,
      description: 'running, the store and Redis answering',
      schema: healthSchema,
      unavailable: 'the store or Redis did not answer within 2 s: the same body, saying which (a load balancer takes the instance out)',
    },
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This description of the REST API (OpenAPI 3.1), generated from the route table in common/api',
    roles: 'public',
    success: { status: 200, description: 'the OpenAPI document', schema: openApiDocumentSchema },
  }),
};
