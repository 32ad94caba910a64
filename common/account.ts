/**
 * Accounts, departments and the workspace as the REST API shows them (CONTRACT.md, "REST"). The shapes are
 * the zod schemas of the route table (common/api/session.ts, accounts.ts, workspace.ts); these are their types.
 */
export type { Me } from './api/session.js';
export type { Department, User } from './api/accounts.js';
export type { Workspace } from './api/workspace.js';
export { MIN_PASSWORD_LENGTH } from './api/accounts.js';
