/**
 * The workspace's audit log (issue 10, item 6): appending the entries that are no part of a store change
 * of their own (exports, uploads, edits per hour, sign-ins), and reading the whole log with filters, for
 * the office, the admin and the chairperson. Entries are shown with the names of who and what they
 * concern as they are now; a deleted report's with its title as its `report.deleted` entry kept it.
 */
import { canReadAudit } from '../../common/access.js';
import { DEFAULT_AUDIT_PAGE, type AuditLogEntry, type AuditLogPage } from '../../common/api/audit.js';
import { AuditAction } from '../../common/auditActions.js';
import type { Identity } from '../auth/identity.js';
import { forbidden } from '../errors.js';
import type { AuditQuery, AuditStore, StoredAuditRecord } from '../storage/auditStore.js';
import type { AuditRecord } from '../storage/reviewStore.js';
import type { AccountStore, ReportStore } from '../storage/store.js';

/** The most entries one CSV holds; the table pages beyond any size. */
export const MAX_AUDIT_CSV_ROWS = 100_000;

/** The filters of a read, as the route took them (dates not yet made instants). */
export interface AuditFilters {
  report?: string;
  user?: string;
  action?: string;
  /** `YYYY-MM-DD` or an ISO 8601 date-time. */
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
}

export interface AuditLog {
  /** The clock of the log, ISO 8601 UTC. */
  now(): string;
  /** Appends one entry, stamped now unless it says when. */
  record(entry: Omit<AuditRecord, 'at'> & { at?: string }): Promise<void>;
  /** A page of the log, newest first. */
  page(caller: Identity, filters: AuditFilters): Promise<AuditLogPage>;
  /** Every matching entry, newest first, up to {@link MAX_AUDIT_CSV_ROWS} (for CSV). */
  all(caller: Identity, filters: AuditFilters): Promise<AuditLogEntry[]>;
}

export interface AuditLogDeps {
  store: AuditStore & Pick<AccountStore, 'listUsers'> & Pick<ReportStore, 'listReports'>;
  now: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `from`: a date is its first instant (UTC); `to`: a date includes the whole day. */
function instant(value: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    return new Date(end ? start + DAY_MS : start).toISOString();
  }
  return new Date(value).toISOString();
}

function toQuery(filters: AuditFilters, limit: number): AuditQuery {
  return {
    reportId: filters.report,
    userId: filters.user,
    action: filters.action,
    from: filters.from === undefined ? undefined : instant(filters.from, false),
    to: filters.to === undefined ? undefined : instant(filters.to, true),
    before: filters.before === undefined ? undefined : Number(filters.before),
    limit,
  };
}

export function createAuditLog({ store, now }: AuditLogDeps): AuditLog {
  const allowed = (caller: Identity) => {
    if (!canReadAudit(caller.role)) {
      throw forbidden('Chỉ Văn phòng, quản trị và Chủ tịch mới xem được nhật ký (only the office, the admin and the chairperson read the audit log)');
    }
  };

  /** The entries with who and what they concern named. */
  const named = async (records: readonly StoredAuditRecord[]): Promise<AuditLogEntry[]> => {
    const [users, reports] = await Promise.all([store.listUsers(), store.listReports()]);
    const userNames = new Map(users.map((user) => [user.id, user.displayName]));
    const titles = new Map(reports.map((report) => [report.id, report.title]));
    const missing = new Set(records.flatMap((record) => (record.reportId !== null && !titles.has(record.reportId) ? [record.reportId] : [])));
    for (const reportId of missing) {
      const { entries } = await store.queryAudit({ reportId, action: AuditAction.reportDeleted, limit: 1 });
      const title = entries[0]?.detail.title;
      if (title !== undefined) titles.set(reportId, title);
    }
    return records.map((record) => ({
      id: String(record.seq),
      at: record.at,
      userId: record.userId,
      userName: record.userId === null ? null : (userNames.get(record.userId) ?? null),
      reportId: record.reportId,
      reportTitle: record.reportId === null ? null : (titles.get(record.reportId) ?? null),
      action: record.action,
      detail: record.detail,
    }));
  };

  return {
    now: () => now().toISOString(),
    async record(entry) {
      await store.appendAudit([{ ...entry, at: entry.at ?? now().toISOString() }]);
    },
    async page(caller, filters) {
      allowed(caller);
      const limit = filters.limit ?? DEFAULT_AUDIT_PAGE;
      // One more than asked: whether there is a next page, without a second read.
      const { entries, total } = await store.queryAudit(toQuery(filters, limit + 1));
      const shown = entries.slice(0, limit);
      const next = entries.length > limit ? String(shown.at(-1)!.seq) : null;
      return { entries: await named(shown), total, next };
    },
    async all(caller, filters) {
      allowed(caller);
      const { before: _before, limit: _limit, ...rest } = filters;
      return named((await store.queryAudit(toQuery(rest, MAX_AUDIT_CSV_ROWS))).entries);
    },
  };
}
