/**
 * The route table: every REST call of Đồng Soạn, by name. The server validates each call's input with its
 * schemas (server/routes/input.ts), the client parses each answer with them (client/src/api/http.ts), and
 * `GET /api/openapi.json` is generated from them (server/routes/openapi.ts). A call the server registers
 * under /api/ that is missing here fails tests/integration/api/openApi.test.ts.
 */
import { departmentRoutes, userRoutes, accountSchemas } from './accounts.js';
import { auditRoutes, auditSchemas } from './audit.js';
import { checkRoutes, checkSchemas } from './checks.js';
import { apiErrorSchema } from './error.js';
import { housekeepingRoutes } from './housekeeping.js';
import { printRoutes } from './print.js';
import { reportRoutes, reportSchemas } from './reports.js';
import { reviewRoutes, reviewSchemas } from './review.js';
import type { RouteSpec } from './route.js';
import { sessionRoutes, sessionSchemas } from './session.js';
import { signedCopyRoutes, signedCopySchemas } from './signedCopy.js';
import { systemRoutes } from './system.js';
import { templateRoutes, templateSchemas } from './templates.js';
import { versionRoutes, versionSchemas } from './versions.js';
import { workflowRoutes, workflowSchemas } from './workflow.js';
import { workspaceRoutes, workspaceSchemas } from './workspace.js';

export const api = {
  ...sessionRoutes,
  ...workspaceRoutes,
  ...departmentRoutes,
  ...userRoutes,
  ...templateRoutes,
  ...reportRoutes,
  ...housekeepingRoutes,
  ...reviewRoutes,
  ...workflowRoutes,
  ...checkRoutes,
  ...versionRoutes,
  ...signedCopyRoutes,
  ...printRoutes,
  ...auditRoutes,
  ...systemRoutes,
} satisfies Record<string, RouteSpec>;

export type ApiRouteName = keyof typeof api;

/** The table as a list, each route with its name (the OpenAPI operationId). */
export function apiRoutes(): Array<RouteSpec & { name: ApiRouteName }> {
  return (Object.keys(api) as ApiRouteName[]).map((name) => ({ ...api[name], name }));
}

/** The shapes that get a name of their own in the API description (OpenAPI `components.schemas`). */
export const apiSchemas = {
  Error: apiErrorSchema,
  ...sessionSchemas,
  ...accountSchemas,
  ...workspaceSchemas,
  ...templateSchemas,
  ...reportSchemas,
  ...reviewSchemas,
  ...workflowSchemas,
  ...checkSchemas,
  ...versionSchemas,
  ...auditSchemas,
  ...signedCopySchemas,
};
