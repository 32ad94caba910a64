/** The workspace's audit log over REST (issue 10, item 6): a page of it, or the address of its CSV. */
import { api } from '../../../common/api/routes.js';
import type { AuditLogPage } from '../../../common/api/audit.js';
import { call, queryString } from './http.js';

/** The filters of the log, as the query string takes them; empty ones are left out. */
export interface AuditFilters {
  report?: string;
  user?: string;
  action?: string;
  /** `YYYY-MM-DD` or an ISO 8601 date-time. */
  from?: string;
  to?: string;
}

/** One page of the log, newest first; `before` is the `next` of the page before. */
export function listAuditLog(filters: AuditFilters, page: { before?: string; limit?: number } = {}, signal?: AbortSignal): Promise<AuditLogPage> {
  const limit = page.limit === undefined ? undefined : String(page.limit);
  return call(api.listAuditLog, { signal, query: { ...filters, before: page.before, limit } });
}

/** The address of every matching entry as CSV: a link downloads it with the session cookie. */
export function auditCsvUrl(filters: AuditFilters): string {
  return `${api.listAuditLog.path}${queryString({ ...filters, format: 'csv' })}`;
}
