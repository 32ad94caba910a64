/**
 * Versioned changes of the PostgreSQL schema, applied at start-up. As in SQLite (sqlite/migrations.ts):
 * each has a stable id, is applied once, in the order listed, in its own transaction together with its row
 * in `schema_migrations`, so a database is never left half-migrated. Instances starting at the same moment
 * take turns through an advisory lock: the second finds the work done.
 */
import type { PgDb, PgQueryable } from './db.js';

export interface PgMigration {
  /** Recorded once applied; never renamed or reused. */
  id: string;
  /** Changes the schema; runs inside the migration's transaction. */
  up(tx: PgQueryable): Promise<void>;
}

/** A migration that runs SQL text (several statements are allowed). */
export function sqlMigration(id: string, sql: string): PgMigration {
  return { id, up: async (tx) => void (await tx.query(sql)) };
}

/** The key of the advisory lock held while migrating: any constant shared by every instance. */
const MIGRATION_LOCK = 71_302_020;

/** Applies the migrations the database has not had yet, oldest first. */
export async function migratePg(db: PgDb, migrations: readonly PgMigration[]): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
      const applied = new Set(rows.map((row) => row.id));
      for (const migration of migrations) {
        if (applied.has(migration.id)) continue;
        await client.query('BEGIN');
        try {
          await migration.up({ query: (text, values) => client.query(text, values as unknown[]) });
          await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`migration ${migration.id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
