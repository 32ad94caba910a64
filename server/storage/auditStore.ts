/**
 * The audit log as the storage interface offers it (issue 10, item 6): entries are appended and read,
 * never changed or removed — there is no method for either, and the SQLite table refuses both
 * (sqlite/auditSchema.ts). Changes of the review and the workflow append theirs inside their own
 * transaction (reviewStore.ts, workflowStore.ts); everything else (sign-ins, edits per hour, exports,
 * uploads) appends here.
 */
import type { AuditRecord } from './reviewStore.js';

/** An entry as stored, with its place in the log. */
export interface StoredAuditRecord extends AuditRecord {
  /** Increasing in the order entries were written; the cursor of {@link AuditQuery.before}. */
  seq: number;
}

/** Which entries to read; every filter given must hold. */
export interface AuditQuery {
  reportId?: string;
  userId?: string;
  /** An action (`comment.created`), or a family without a dot (`comment`: every `comment.*`). */
  action?: string;
  /** ISO 8601, UTC: entries at or after. */
  from?: string;
  /** ISO 8601, UTC: entries before. */
  to?: string;
  /** Only entries written before the one with this `seq` (the next page). */
  before?: number;
  /** At most this many, newest first. */
  limit: number;
}

export interface AuditPage {
  /** Newest first (by `seq`). */
  entries: StoredAuditRecord[];
  /** How many entries match the filters, whatever `before` and `limit`. */
  total: number;
}

export interface AuditStore {
  /** Appends entries, all or none, in the order given. */
  appendAudit(entries: readonly AuditRecord[]): Promise<void>;
  queryAudit(query: AuditQuery): Promise<AuditPage>;
}
