/**
 * The audit log in PostgreSQL, workspace-wide and append-only (issue 10, item 6; SQLite's in
 * sqlite/auditSchema.ts).
 *
 * - `report_id` may be null (sign-ins), and there is no foreign key to `reports`: deleting a draft keeps its
 *   history.
 * - Triggers refuse UPDATE, DELETE and TRUNCATE, so neither the application nor a cascade can rewrite the
 *   history; only the table's owner, by dropping the triggers, can.
 * - `detail` is the JSON text of the entry's details, given back exactly as written.
 */
import { sqlMigration } from './migrations.js';

export const AUDIT_SCHEMA = sqlMigration(
  '2026-12-pg-audit',
  `
CREATE TABLE audit_log (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id TEXT COLLATE "C",
  at TEXT COLLATE "C" NOT NULL,
  user_id TEXT COLLATE "C",
  action TEXT COLLATE "C" NOT NULL,
  detail TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audit_log_report ON audit_log (report_id, seq);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit log is append-only');
`,
);
