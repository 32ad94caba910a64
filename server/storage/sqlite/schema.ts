import { DOC_UPDATES_TABLE } from './documentsSchema.js';
import { REVIEW_SCHEMA } from './reviewSchema.js';
import { SIGNING_SCHEMA } from './signingSchema.js';
import { WORKFLOW_SCHEMA } from './workflowSchema.js';

/**
 * The SQLite schema, created when missing. Opening a file written by an earlier version creates the
 * tables it lacks (the review's, issue 9; the workflow's and signing's, issue 10) and changes none it has. What `IF NOT EXISTS`
 * cannot do (a new column, a table rebuilt without a foreign key: issue 10, items 6–7) is a versioned
 * migration in migrations.ts, applied right after this.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  through_seq INTEGER NOT NULL
);
${DOC_UPDATES_TABLE}
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  template_id TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_sections (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  owner_department_id TEXT,
  PRIMARY KEY (report_id, id)
);
CREATE TABLE IF NOT EXISTS departments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  department_id TEXT REFERENCES departments (id),
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
${REVIEW_SCHEMA}${WORKFLOW_SCHEMA}${SIGNING_SCHEMA}`;

/** True for SQLite's "UNIQUE constraint failed" / primary key errors. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
