/**
 * Reports and their sections in PostgreSQL, in the final shape of SQLite's (sqlite/schema.ts with
 * sqlite/housekeepingSchema.ts): `archived_at` and `archived_by` are null while a report is not archived.
 */
import { sqlMigration } from './migrations.js';

export const REPORTS_SCHEMA = sqlMigration(
  '2026-12-pg-reports',
  `
CREATE TABLE reports (
  id TEXT COLLATE "C" PRIMARY KEY,
  title TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  template_id TEXT COLLATE "C" NOT NULL,
  doc_type TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  archived_at TEXT COLLATE "C",
  archived_by TEXT COLLATE "C"
);
CREATE INDEX reports_created ON reports (created_at DESC, id);
CREATE TABLE report_sections (
  report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  owner_department_id TEXT COLLATE "C",
  PRIMARY KEY (report_id, id)
);
`,
);
