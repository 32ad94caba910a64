/** The audit log in SQLite: appended inside the transaction of each change it records. */
import type { Database } from 'better-sqlite3';
import type { AuditRecord, ReviewStore } from '../reviewStore.js';

interface AuditRow {
  report_id: string;
  at: string;
  user_id: string | null;
  action: string;
  detail: string;
}

export interface SqliteAudit extends Pick<ReviewStore, 'listAudit'> {
  /** Appends an entry; call it inside the transaction of the change it records. */
  append(entry: AuditRecord): void;
}

export function sqliteAudit(db: Database): SqliteAudit {
  const insert = db.prepare<[string, string, string | null, string, string]>(
    'INSERT INTO audit_log (report_id, at, user_id, action, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE report_id = ? ORDER BY seq');
  return {
    append(entry) {
      insert.run(entry.reportId, entry.at, entry.userId, entry.action, JSON.stringify(entry.detail));
    },
    async listAudit(reportId) {
      return select.all(reportId).map((row) => ({
        reportId: row.report_id,
        at: row.at,
        userId: row.user_id,
        action: row.action,
        detail: JSON.parse(row.detail) as Record<string, string>,
      }));
    },
  };
}
