/** The calls for operators and for readers of the API: `GET /api/health`, `GET /api/openapi.json`. */
import { z } from 'zod';
import { defineRoute } from './route.js';

export const healthSchema = z.object({
  status: z.literal('ok'),
  rooms: z.number().int().min(0).describe('rooms loaded or loading in this process'),
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
    summary: 'That the server runs, and how many rooms it holds in memory',
    roles: 'public',
    success: { status: 200, description: 'running', schema: healthSchema },
  }),
  openApi: defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This description of the REST API (OpenAPI 3.1), generated from the route table in common/api',
    roles: 'public',
    success: { status: 200, description: 'the OpenAPI document', schema: openApiDocumentSchema },
  }),
};
