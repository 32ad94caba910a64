/**
 * The audit page's address (issue 10, item 6): `/audit`, its filters in the query string (`report`,
 * `user`, `action`, and `from`/`to` as the dates the person picked), so a filtered view can be linked to
 * — the report page links to its own log — and survives a reload.
 */
import type { AuditFilters } from '../api/audit.js';

export const AUDIT_PATH = '/audit';

const KEYS = ['report', 'user', 'action', 'from', 'to'] as const;

/** The page's path for these filters. */
export function auditPath(filters: AuditFilters = {}): string {
  const query = new URLSearchParams(KEYS.flatMap((key) => (filters[key] ? [[key, filters[key]]] : [])));
  const text = query.toString();
  return text === '' ? AUDIT_PATH : `${AUDIT_PATH}?${text}`;
}

/** The filters of a query string (`?report=…`); unknown keys are ignored. */
export function filtersOf(search: string): AuditFilters {
  const query = new URLSearchParams(search);
  return Object.fromEntries(KEYS.flatMap((key) => (query.get(key) ? [[key, query.get(key)!]] : [])));
}

/** A picked day (`YYYY-MM-DD`) as the instant it starts in the reader's time zone, ISO 8601. */
function startOfLocalDay(day: string, plusDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return undefined;
  const start = new Date(year, month - 1, date + plusDays);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/**
 * The filters as the server takes them: the picked days made instants in the reader's time zone (a
 * commune in Việt Nam means its own midnight, not UTC's), `to` including its whole day.
 */
export function serverFilters(filters: AuditFilters): AuditFilters {
  return {
    ...filters,
    from: filters.from === undefined ? undefined : startOfLocalDay(filters.from),
    to: filters.to === undefined ? undefined : startOfLocalDay(filters.to, 1),
  };
}
