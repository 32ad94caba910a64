/**
 * The workflow's tables (issue 10).
 *
 * - `report_issues`: one row per issued report: the number it took under its symbol and year (unique: a
 *   number is never issued twice), the date, who and when, and the final Word file with its SHA-256. Rows
 *   are never updated (a trigger refuses it), and an issued report's status never changes again.
 * - `report_versions` and `report_version_rooms`: named versions, each the whole state of every room of the
 *   report (frame and sections) at that moment, one row per room, so that opening, exporting, comparing or
 *   restoring one (later items of issue 10) reads only the rooms it needs. `seq` orders them.
 */
export const WORKFLOW_SCHEMA = `
CREATE TABLE IF NOT EXISTS report_issues (
  report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  symbol TEXT NOT NULL,
  year INTEGER NOT NULL,
  number INTEGER NOT NULL CHECK (number > 0),
  date TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  disposition TEXT NOT NULL,
  docx BLOB NOT NULL,
  UNIQUE (symbol, year, number)
);
CREATE TRIGGER IF NOT EXISTS report_issues_fixed BEFORE UPDATE ON report_issues
BEGIN
  SELECT RAISE(ABORT, 'an issued report does not change');
END;
CREATE TRIGGER IF NOT EXISTS reports_issued_final BEFORE UPDATE OF status ON reports
WHEN OLD.status = 'issued' AND NEW.status <> 'issued'
BEGIN
  SELECT RAISE(ABORT, 'an issued report does not change');
END;
CREATE TABLE IF NOT EXISTS report_versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('status', 'manual', 'restore')),
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  created_by_name TEXT
);
CREATE INDEX IF NOT EXISTS report_versions_report ON report_versions (report_id, seq);
CREATE TABLE IF NOT EXISTS report_version_rooms (
  version_id TEXT NOT NULL REFERENCES report_versions (id) ON DELETE CASCADE,
  room TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (version_id, room)
);
`;
