/** Audit log entries as both stores read them back: SQLite and PostgreSQL give rows of this shape, details as JSON text. */
import type { StoredAuditRecord } from '../auditStore.js';

export interface AuditRow {
  seq: number;
  report_id: string | null;
  at: string;
  user_id: string | null;
  action: string;
  detail: string;
}

export const toAuditRecord = (row: AuditRow): StoredAuditRecord => ({
  seq: row.seq,
  reportId: row.report_id,
  at: row.at,
  userId: row.user_id,
  action: row.action,
  detail: JSON.parse(row.detail) as Record<string, string>,
});
