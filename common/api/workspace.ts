/** `GET /api/workspace` (everyone), `PUT /api/workspace` (admin): the agency and place names. */
import { z } from 'zod';
import { defineRoute } from './route.js';

/**
 * The workspace's own names, never hard-coded (DESIGN.md): since July 2025 the users are communes, wards
 * and provinces. The same schema checks what the admin sends and what the server answers.
 */
export const workspaceSchema = z
  .strictObject({
    agencyName: z.string().trim().max(200).describe('the issuing agency, e.g. "ỦY BAN NHÂN DÂN XÃ LẤP VÒ"'),
    parentAgencyName: z
      .string()
      .trim()
      .max(200)
      .describe('the parent agency (cơ quan chủ quản), e.g. "UBND TỈNH ĐỒNG THÁP"; empty when none'),
    placeName: z.string().trim().max(100).describe('the place written before the date, e.g. "Lấp Vò"'),
    agencySymbol: z
      .string()
      .trim()
      .max(30)
      .regex(/^[\p{Lu}\d-]*$/u, { message: 'upper-case letters, digits and "-" only (PL III), e.g. UBND' })
      .default('')
      .describe('the agency’s part of document symbols (PL III), e.g. "UBND" in "BC-UBND"'),
  })
  .describe('The workspace’s names');

export type Workspace = z.output<typeof workspaceSchema>;

export const workspaceRoutes = {
  getWorkspace: defineRoute({
    method: 'GET',
    path: '/api/workspace',
    summary: 'The agency and place names',
    roles: 'signed-in',
    success: { status: 200, description: 'the names', schema: workspaceSchema },
  }),
  saveWorkspace: defineRoute({
    method: 'PUT',
    path: '/api/workspace',
    summary: 'Replace the agency and place names',
    roles: ['admin'],
    body: workspaceSchema,
    success: { status: 200, description: 'the names as stored', schema: workspaceSchema },
    errors: { 403: 'not the admin' },
  }),
};

export const workspaceSchemas = { Workspace: workspaceSchema };
