/**
 * Versioned changes of the SQLite schema that `CREATE … IF NOT EXISTS` cannot make (a new column, a table
 * rebuilt without a foreign key). Each has a stable id, is applied once, in the order listed, in its own
 * transaction together with the row in `schema_migrations` that records it, so a file is never left
 * half-migrated. Ids rather than numbers: changes written at the same time by different people do not
 * collide. Tables that are merely added stay in schema.ts (issue 9 and 10 did so).
 */
import type { Database } from 'better-sqlite3';
import { AUDIT_APPEND_ONLY } from './auditSchema.js';
import { DOC_UPDATES_BY_ROOM } from './documentsSchema.js';
import { REPORTS_ARCHIVED } from './housekeepingSchema.js';

export interface Migration {
  /** Recorded once applied; never renamed or reused. */
  id: string;
  /** Changes the schema; runs inside the migration's transaction. */
  up(db: Database): void;
}

/** Every migration, oldest first. Append only: a file records what it has applied by id. */
export const MIGRATIONS: readonly Migration[] = [AUDIT_APPEND_ONLY, REPORTS_ARCHIVED, DOC_UPDATES_BY_ROOM];

/** Applies the migrations the file has not had yet. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = db.prepare<[string], { id: string }>('SELECT id FROM schema_migrations WHERE id = ?');
  const record = db.prepare<[string, string]>('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    // IMMEDIATE: a second process opening the file at the same moment waits, then finds it applied.
    db.transaction(() => {
      if (applied.get(migration.id)) return;
      migration.up(db);
      record.run(migration.id, new Date().toISOString());
    }).immediate();
  }
}
