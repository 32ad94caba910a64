/**
 * `GET /api/openapi.json`: the REST API described for people and programs (CONTRACT.md asks for an
 * OpenAPI page served by the app). Request bodies come from the same zod schemas the routes validate with.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REPORT_STATUSES } from '../../common/report.js';
import { createReportBody } from './reports.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });

const schemas = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string', description: 'stable id' }, message: { type: 'string' } },
      },
    },
  },
  TemplateSummary: {
    type: 'object',
    required: ['id', 'title', 'description', 'docType', 'sections'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      docType: { type: 'string', example: 'BÁO CÁO' },
      sections: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } } },
    },
  },
  ReportSummary: {
    type: 'object',
    required: ['id', 'title', 'status', 'templateId', 'docType', 'createdAt'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'string', enum: [...REPORT_STATUSES] },
      templateId: { type: 'string' },
      docType: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  Report: {
    allOf: [
      ref('ReportSummary'),
      {
        type: 'object',
        required: ['sections'],
        properties: {
          sections: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'number', 'title', 'ownerDepartmentId', 'room'],
              properties: {
                id: { type: 'string' },
                number: { type: 'string', description: 'Roman numeral shown, e.g. "I"' },
                title: { type: 'string' },
                ownerDepartmentId: { type: ['string', 'null'] },
                room: { type: 'string', description: '<reportId>/section/<sectionId>, at ws://HOST/collab/<room>' },
              },
            },
          },
        },
      },
    ],
  },
};

export function openApiDocument(): object {
  const { $schema: _ignored, ...createBody } = z.toJSONSchema(createReportBody) as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Đồng Soạn',
      version: '0.1.0',
      description:
        'REST API of Đồng Soạn. Rooms are served at ws://HOST/collab/<reportId>/<frame|review|section/<id>> ' +
        'with the y-websocket protocol; close codes 4400 malformed, 4403 forbidden write, 4413 too large.',
    },
    paths: {
      '/api/health': { get: { summary: 'Server health', responses: { 200: { description: 'ok' } } } },
      '/api/templates': {
        get: { summary: 'Report templates', responses: { 200: json({ type: 'array', items: ref('TemplateSummary') }) } },
      },
      '/api/reports': {
        get: { summary: 'Reports, newest first', responses: { 200: json({ type: 'array', items: ref('ReportSummary') }) } },
        post: {
          summary: 'Create a report from a template; the server writes each room’s starting content',
          requestBody: { required: true, ...json(createBody) },
          responses: {
            201: { description: 'created', ...json(ref('Report')) },
            400: error('invalid input'),
            404: error('no such template'),
          },
        },
      },
      '/api/reports/{id}': {
        get: {
          summary: 'One report with its sections',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json(ref('Report')), 404: error('no such report') },
        },
      },
    },
    components: { schemas },
  };
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
