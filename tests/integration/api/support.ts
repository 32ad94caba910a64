/**
 * Helpers of the API-description tests: the /api routes a running server registered (read from Fastify's
 * route tree), and checking an answer against the schema `GET /api/openapi.json` documents for it, with
 * Ajv (the JSON Schema validator Fastify itself uses), independently of zod.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { RouteSpec } from '../../../common/api/route.js';
import { openApiPath } from '../../../server/routes/openapi.js';

/** The parts of the served document these tests read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

interface Operation {
  operationId: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/**
 * Every `METHOD /api/…` route the server registered (HEAD, which Fastify adds to each GET, left out), read
 * from `printRoutes`: each line is a node of the route tree, indented four characters a level, its path
 * the parent's followed by its own segment, its methods in parentheses.
 */
export function registeredApiRoutes(app: FastifyInstance): string[] {
  const paths: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? paths[depth - 1]! : '') + match[2]!;
    paths.length = depth;
    paths.push(path);
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD' && path.startsWith('/api/')) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The JSON schema the document gives for a route's answer with this status. */
export function documentedSchema(document: OpenApiDocument, route: RouteSpec, status: number): object {
  const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${route.method} ${route.path}: no JSON answer documented for ${status}`);
  return schema;
}

/** Checks a real answer against the document: the status is documented and the body fits its schema. */
export function expectDocumented(document: OpenApiDocument, route: RouteSpec, status: number, body: unknown): void {
  const validate = ajv.compile({ ...documentedSchema(document, route, status), components: document.components });
  const fits = validate(body);
  expect(fits, `${route.method} ${route.path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`).toBe(true);
}
