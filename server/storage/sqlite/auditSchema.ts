/**
 * The audit log made workspace-wide and append-only (issue 10, item 6).
 *
 * - `report_id` may be null: sign-ins belong to no report.
 * - No foreign key to `reports`: deleting a draft (item 7) removes everything of the report but its
 *   history, which is the point of an audit log; the entry `report.deleted` says what it was.
 * - Triggers refuse UPDATE and DELETE, so no code path of the application (nor a cascade) can rewrite the
 *   history; only someone with the file and a SQLite shell can, and the storage interface offers neither.
 *
 * The table is rebuilt under its own name (SQLite cannot drop a foreign key in place), keeping `seq`, so
 * entries keep their order and the review's code (schema.ts, `audit_log`) reads it unchanged.
 */
import type { Migration } from './migrations.js';

export const AUDIT_APPEND_ONLY: Migration = {
  id: '2025-12-audit-log-append-only',
  up(db) {
    db.exec(`
CREATE TABLE audit_log_rebuilt (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT,
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
INSERT INTO audit_log_rebuilt (seq, report_id, at, user_id, action, detail)
  SELECT seq, report_id, at, user_id, action, detail FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_rebuilt RENAME TO audit_log;
CREATE INDEX audit_log_report ON audit_log (report_id, seq);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
`);
  },
};
