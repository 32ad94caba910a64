import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathOf, pathParamNames } from '../../../common/api/route.js';
import { api, apiRoutes, apiSchemas } from '../../../common/api/routes.js';
import { openApiDocument, openApiPath } from '../../../server/routes/openapi.js';

type Json = Record<string, unknown>;

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
}

describe('the route table', () => {
  it('names each call once, under /api/, with one entry per method and path', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(22);
    for (const route of routes) expect(route.path, route.name).toMatch(/^\/api\//);
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives each path parameter a schema and nothing more, and a body only to calls that change something', () => {
    for (const route of apiRoutes()) {
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.name).toEqual(pathParamNames(route.path).sort());
      if (route.method === 'GET') expect(route.body, route.name).toBeUndefined();
    }
  });

  it('has schemas that JSON Schema can express: inputs as callers write them, answers as the server sends them', () => {
    for (const route of apiRoutes()) {
      for (const input of [route.body, route.params, route.query]) {
        if (input) expect(() => z.toJSONSchema(input, { io: 'input' }), route.name).not.toThrow();
      }
      const { success } = route;
      if ('schema' in success) expect(() => z.toJSONSchema(success.schema), route.name).not.toThrow();
    }
  });

  it('fills in path parameters, encoded', () => {
    expect(pathOf(api.assignSection, { id: 'r 1', sectionId: 'a/b' })).toBe('/api/reports/r%201/sections/a%2Fb');
    expect(pathOf(api.listReports)).toBe('/api/reports');
    expect(() => pathOf(api.getReport, {})).toThrow(':id');
  });

  it('refuses what the server refused before the table existed (the wire format did not change)', () => {
    expect(api.createReport.body.safeParse({ templateId: 'x', admin: true }).success).toBe(false);
    expect(api.createUser.body.safeParse({ username: 'a b', password: 'mat-khau-du', displayName: 'X', role: 'editor' }).success).toBe(false);
    expect(api.createUser.body.safeParse({ username: 'ab', password: 'ngan', displayName: 'X', role: 'editor' }).success).toBe(false);
    expect(api.saveWorkspace.body.parse({ agencyName: ' A ', parentAgencyName: '', placeName: 'P' })).toEqual({
      agencyName: 'A',
      parentAgencyName: '',
      placeName: 'P',
      agencySymbol: '',
    });
    expect(api.createDepartment.body.parse({ name: ' Pho\u0300ng ' }).name).toBe('Phòng');
  });
});

describe('the OpenAPI document built from the table', () => {
  const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Json>>; components: { schemas: Json } };

  it('describes every call of the table under its path and method, by its name', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} ${String(operation.operationId)}`),
    );
    expect(operations.sort()).toEqual(apiRoutes().map((route) => `${route.method} ${openApiPath(route.path)} ${route.name}`).sort());
  });

  it('names the shared shapes once and refers to them, every reference resolving', () => {
    expect(Object.keys(document.components.schemas).sort()).toEqual(Object.keys(apiSchemas).sort());
    const refs = refsIn(document);
    expect(refs).toContain('#/components/schemas/Report');
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty([ref.slice('#/components/schemas/'.length)]);
    }
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it('marks the public calls as needing no session, and documents the refusals of the others', () => {
    for (const route of apiRoutes()) {
      const operation = document.paths[openApiPath(route.path)]![route.method.toLowerCase()]!;
      const responses = operation.responses as Json;
      if (route.roles === 'public') expect(operation.security, route.name).toEqual([]);
      else expect(responses, route.name).toHaveProperty(['401']);
      if (route.body) expect(responses, route.name).toHaveProperty(['400']);
      expect(responses, route.name).toHaveProperty([String(route.success.status)]);
    }
  });
});
