/**
 * `GET /api/openapi.json`: the REST API described for people and programs (CONTRACT.md asks for an
 * OpenAPI page served by the app). Request bodies come from the same zod schemas the routes validate with.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REPORT_STATUSES } from '../../common/report.js';
import { ROLES } from '../../common/access.js';
import { assignSectionBody, createReportBody } from './reports.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });

const schemas = {
  Me: {
    type: 'object',
    required: ['id', 'username', 'displayName', 'role', 'departmentId'],
    properties: {
      id: { type: 'string' },
      username: { type: 'string' },
      displayName: { type: 'string' },
      role: { type: 'string', enum: [...ROLES] },
      departmentId: { type: ['string', 'null'] },
    },
  },
  User: { allOf: [ref('Me'), { type: 'object', required: ['disabled'], properties: { disabled: { type: 'boolean' } } }] },
  Department: {
    type: 'object',
    required: ['id', 'name', 'disabled'],
    properties: { id: { type: 'string' }, name: { type: 'string' }, disabled: { type: 'boolean' } },
  },
  Workspace: {
    type: 'object',
    required: ['agencyName', 'parentAgencyName', 'placeName', 'agencySymbol'],
    properties: {
      agencyName: { type: 'string' },
      parentAgencyName: { type: 'string' },
      placeName: { type: 'string' },
      agencySymbol: { type: 'string', description: 'the agency part of document symbols, e.g. UBND' },
    },
  },
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
  const { $schema: _ignored2, ...assignBody } = z.toJSONSchema(assignSectionBody) as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Đồng Soạn',
      version: '0.1.0',
      description:
        'REST API of Đồng Soạn. Every call but POST /api/session (and health, this page) needs the session ' +
        'cookie; state-changing calls from another site are refused (403 cross_site). Rooms are served at ' +
        'ws://HOST/collab/<reportId>/<frame|review|section/<id>> with the y-websocket protocol; the upgrade ' +
        'answers 401 (no session), 403 (not shared), 404 (no such room); close codes 4400 malformed, ' +
        '4403 forbidden write, 4413 too large.',
    },
    paths: {
      '/api/health': { get: { summary: 'Server health (no session needed)', responses: { 200: { description: 'ok' } } } },
      '/api/session': {
        post: {
          summary: 'Sign in; sets the httpOnly session cookie `ds_session`',
          security: [],
          requestBody: json({ type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }),
          responses: {
            200: json({ type: 'object', properties: { user: ref('Me') } }),
            401: error('wrong credentials (also for a disabled account)'),
            429: error('too many failed attempts; see Retry-After'),
          },
        },
        delete: { summary: 'Sign out; clears the cookie', responses: { 204: { description: 'signed out' } } },
      },
      '/api/me': { get: { summary: 'The signed-in account', responses: { 200: json(ref('Me')), 401: error('no session') } } },
      '/api/workspace': {
        get: { summary: 'Agency and place names', responses: { 200: json(ref('Workspace')) } },
        put: { summary: 'Set them (admin)', requestBody: json(ref('Workspace')), responses: { 200: json(ref('Workspace')), 403: error('not the admin') } },
      },
      '/api/departments': {
        get: { summary: 'Departments', responses: { 200: json({ type: 'array', items: ref('Department') }) } },
        post: { summary: 'Create one (admin)', responses: { 201: json(ref('Department')), 403: error('not the admin'), 409: error('name taken') } },
      },
      '/api/departments/{id}': {
        patch: { summary: 'Rename or disable (admin): {name?, disabled?}', responses: { 200: json(ref('Department')), 404: error('none') } },
      },
      '/api/users': {
        get: { summary: 'Accounts (admin)', responses: { 200: json({ type: 'array', items: ref('User') }) } },
        post: {
          summary: 'Create an account (admin): {username, password (≥ 8), displayName, role, departmentId?}',
          responses: { 201: json(ref('User')), 400: error('invalid'), 409: error('username taken') },
        },
      },
      '/api/users/{id}': {
        patch: { summary: 'Change display name, role, department, disabled (admin); disabling ends its sessions', responses: { 200: json(ref('User')) } },
      },
      '/api/users/{id}/password': {
        put: { summary: 'Reset the password (admin); ends its sessions', responses: { 204: { description: 'done' } } },
      },
      '/api/templates': {
        get: { summary: 'Report templates', responses: { 200: json({ type: 'array', items: ref('TemplateSummary') }) } },
      },
      '/api/award-forms': {
        get: { summary: 'The award catalogue (Luật Thi đua, khen thưởng 2022): [{id, name, level, recipients}]', responses: { 200: { description: 'forms' } } },
      },
      '/api/award-catalogue': {
        get: { summary: 'The same forms with their levels’ labels and prose lead-ins', responses: { 200: { description: '{levels, forms}' } } },
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
      '/api/reports/{id}/sections/{sectionId}': {
        put: {
          summary: 'Assign a section to a department (admin, office); takes effect live',
          requestBody: { required: true, ...json(assignBody) },
          responses: { 200: { description: 'the section' }, 400: error('no such department'), 403: error('not the office'), 404: error('none') },
        },
      },
      '/api/reports/{id}/export.docx': {
        get: {
          summary: 'The report as a Word file in the form of Nghị định 30/2020/NĐ-CP, built from the stored rooms',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'the .docx', content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {} } },
            403: error('not shared with you'),
            404: error('no such report'),
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
    components: {
      schemas,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ds_session' } },
    },
    security: [{ session: [] }],
  };
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
