/**
 * The workflow's tables in PostgreSQL (issue 10; SQLite's in sqlite/workflowSchema.ts).
 *
 * - `report_issues`: one row per issued report: its number, unique under its symbol and year, the date,
 *   who and when, and the final Word file with its SHA-256. A trigger refuses any update of a row, and
 *   another any change of an issued report's status.
 * - `report_versions` and `report_version_rooms`: named versions, each the whole state of every room of
 *   the report at that moment, one row per room; `seq` orders them.
 */
import { sqlMigration } from './migrations.js';

export const WORKFLOW_SCHEMA = sqlMigration(
  '2026-12-pg-workflow',
  `
CREATE TABLE report_issues (
  report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  symbol TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  date TEXT COLLATE "C" NOT NULL,
  issued_at TEXT COLLATE "C" NOT NULL,
  issued_by TEXT COLLATE "C" NOT NULL,
  sha256 TEXT COLLATE "C" NOT NULL,
  disposition TEXT COLLATE "C" NOT NULL,
  docx BYTEA NOT NULL,
  UNIQUE (symbol, year, number)
);
CREATE TRIGGER report_issues_fixed BEFORE UPDATE ON report_issues
  FOR EACH ROW EXECUTE FUNCTION refuse_change('an issued report does not change');
CREATE TRIGGER reports_issued_final BEFORE UPDATE OF status ON reports
  FOR EACH ROW WHEN (OLD.status = 'issued' AND NEW.status <> 'issued')
  EXECUTE FUNCTION refuse_change('an issued report does not change');
CREATE TABLE report_versions (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  label TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('status', 'manual', 'restore')),
  status TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  created_by TEXT COLLATE "C",
  created_by_name TEXT COLLATE "C"
);
CREATE INDEX report_versions_report ON report_versions (report_id, seq);
CREATE TABLE report_version_rooms (
  version_id TEXT COLLATE "C" NOT NULL REFERENCES report_versions (id) ON DELETE CASCADE,
  room TEXT COLLATE "C" NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY (version_id, room)
);
`,
);
