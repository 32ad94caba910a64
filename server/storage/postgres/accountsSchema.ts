/**
 * Departments, users, sessions and workspace settings in PostgreSQL: SQLite's tables (sqlite/schema.ts)
 * with BOOLEAN flags. Every text column compares byte for byte (`COLLATE "C"`), so that "by name" and "by
 * username" order as SQLite orders them, whatever collation the database was created with.
 */
import { sqlMigration } from './migrations.js';

export const ACCOUNTS_SCHEMA = sqlMigration(
  '2026-12-pg-accounts',
  `
CREATE TABLE departments (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT COLLATE "C" NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false
);
CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  username TEXT COLLATE "C" NOT NULL UNIQUE,
  display_name TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL,
  department_id TEXT COLLATE "C" REFERENCES departments (id),
  disabled BOOLEAN NOT NULL DEFAULT false,
  password_hash TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE sessions (
  id TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  last_seen_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE settings (
  key TEXT COLLATE "C" PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL
);
`,
);
