/**
 * `GET /api/openapi.json`: the REST API described for people and programs (CONTRACT.md asks for an OpenAPI
 * page served by the app), generated from the route table (common/api/routes.ts) with `z.toJSONSchema`:
 * what a call takes in the input form of its schemas, what it answers in their output form, the shapes of
 * `apiSchemas` under `components.schemas`. Nothing here restates a shape.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteSpec, UploadSpec } from '../../common/api/route.js';
import { apiRoutes, apiSchemas, type ApiRouteName } from '../../common/api/routes.js';
import { CloseCode } from '../../common/closeCodes.js';
import { SESSION_COOKIE } from '../auth/sessions.js';

type JsonSchema = Record<string, unknown>;
type NamedRoute = RouteSpec & { name: ApiRouteName };

const COMPONENTS = '#/components/schemas/';
const ERROR_SCHEMA_NAME = 'Error' satisfies keyof typeof apiSchemas;

/** `/api/reports/:id` → `/api/reports/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Drops what `z.toJSONSchema` adds for a standalone document (`$schema`, `$id`). */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** A request part (body, parameters) as the caller writes it: the schemas' input form. */
function inputSchema(schema: z.ZodType): JsonSchema {
  return embedded(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema);
}

interface ResponseSchemas {
  /** The named shapes (`apiSchemas`), for `components.schemas`. */
  components: Record<string, JsonSchema>;
  /** Each JSON answer: a `$ref` to a named shape, or its own schema referring to named ones. */
  byRoute: Map<ApiRouteName, JsonSchema>;
}

/**
 * The named shapes and the answer of every route in their output form, converted together so that an
 * answer refers to a named shape by `$ref` instead of repeating it.
 */
function responseSchemas(routes: readonly NamedRoute[]): ResponseSchemas {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(apiSchemas)) registry.add(schema, { id: name });
  const answers = routes.flatMap((route) => ('schema' in route.success ? [{ route, schema: route.success.schema }] : []));
  for (const { route, schema } of answers) if (!registry.has(schema)) registry.add(schema, { id: `answer-of-${route.name}` });
  const converted = z.toJSONSchema(registry, { io: 'output', uri: (id) => `${COMPONENTS}${id}` });
  const schemas = converted.schemas as Record<string, JsonSchema>;
  const byRoute = new Map<ApiRouteName, JsonSchema>();
  for (const { route, schema } of answers) {
    const { id } = registry.get(schema)!;
    byRoute.set(route.name, id in apiSchemas ? { $ref: `${COMPONENTS}${id}` } : embedded(schemas[id]!));
  }
  return { components: Object.fromEntries(Object.keys(apiSchemas).map((name) => [name, embedded(schemas[name]!)])), byRoute };
}

/** A file as the raw body: each media type it may be sent as, its bytes as they are. */
function uploadBody(upload: UploadSpec): object {
  const binary = { schema: { type: 'string', format: 'binary', maxLength: upload.maxBytes } };
  return { required: true, description: upload.description, content: Object.fromEntries(upload.types.map((type) => [type, binary])) };
}

/** Path and query parameters, each with its schema; the header naming an uploaded file. */
function parameters(route: RouteSpec): object[] {
  const list: object[] = [];
  if (route.upload?.nameHeader) {
    const description = 'the file’s name, UTF-8 percent-encoded (encodeURIComponent)';
    list.push({ name: route.upload.nameHeader, in: 'header', required: false, description, schema: { type: 'string' } });
  }
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

const BAD_BODY = 'the body is not JSON (`bad_request`) or does not fit (`invalid_input`, naming the field)';
const NO_SESSION = 'no session, or it ended (`unauthenticated`)';
const CROSS_SITE = 'a call from another site (`cross_site`)';

/** The refusals of a call, by status: its own, and those every call of its kind may give. */
function refusals(route: RouteSpec): Record<string, string> {
  const own: Record<string, string | undefined> = route.errors ?? {};
  const texts: Record<string, string[]> = {};
  const add = (status: number | string, text: string) => (texts[status] ??= []).push(text);
  if (route.body && !own[400]) add(400, BAD_BODY);
  if (route.roles !== 'public' && !own[401]) add(401, NO_SESSION);
  for (const [status, text] of Object.entries(own)) if (text) add(status, text);
  if (route.method !== 'GET') add(403, CROSS_SITE);
  return Object.fromEntries(Object.entries(texts).map(([status, list]) => [status, list.join('; ')]));
}

function rolesText(route: RouteSpec): string {
  const { roles } = route;
  const who = roles === 'public' ? 'No session needed.' : roles === 'signed-in' ? 'Anyone signed in.' : `Roles: ${roles.join(', ')}.`;
  return route.rolesNote ? `${who} ${route.rolesNote[0]!.toUpperCase()}${route.rolesNote.slice(1)}.` : who;
}

function successResponse(route: NamedRoute, answer: JsonSchema | undefined): object {
  const { success } = route;
  if ('file' in success) {
    const types: readonly string[] = typeof success.file === 'string' ? [success.file] : success.file;
    return { description: success.description, content: Object.fromEntries(types.map((type) => [type, {}])) };
  }
  if (!answer) return { description: success.description };
  return { description: success.description, content: { 'application/json': { schema: answer } } };
}

function operation(route: NamedRoute, answer: JsonSchema | undefined): object {
  const errorContent = { content: { 'application/json': { schema: { $ref: `${COMPONENTS}${ERROR_SCHEMA_NAME}` } } } };
  const responses: Record<string, object> = { [route.success.status]: successResponse(route, answer) };
  if ('unavailable' in route.success && route.success.unavailable && answer) {
    responses[503] = { description: route.success.unavailable, content: { 'application/json': { schema: answer } } };
  }
  for (const [status, description] of Object.entries(refusals(route))) responses[status] = { description, ...errorContent };
  const params = parameters(route);
  return {
    operationId: route.name,
    summary: route.summary,
    description: rolesText(route),
    'x-roles': route.roles,
    ...(route.roles === 'public' ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(route.body) } } } } : {}),
    ...(route.upload ? { requestBody: uploadBody(route.upload) } : {}),
    responses,
  };
}

const DESCRIPTION =
  'REST API of Đồng Soạn. Every call but signing in (and health, this page) needs the session cookie; ' +
  'state-changing calls from another site are refused (403 cross_site). Errors are {"error": {"code", "message"}}. ' +
  'Rooms are served at ws://HOST/collab/<reportId>/<frame|review|section/<id>> with the y-websocket protocol; ' +
  'the upgrade answers 401 (no session), 403 (not shared), 404 (no such room); close codes: ' +
  `${Object.entries(CloseCode).map(([meaning, code]) => `${code} ${meaning}`).join(', ')}.`;

/** The OpenAPI 3.1 document of every call in the route table. */
export function openApiDocument(): JsonSchema {
  const routes = apiRoutes();
  const { components, byRoute } = responseSchemas(routes);
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route, byRoute.get(route.name));
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Đồng Soạn', version: '0.1.0', description: DESCRIPTION },
    paths,
    components: { schemas: components, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    security: [{ session: [] }],
  };
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
