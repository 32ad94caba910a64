/**
 * The store for several instances (issue 11): one PostgreSQL database shared by every instance, each with
 * its own pool. Each kind of record lives in its own module under postgres/, as SQLite's do under sqlite/;
 * both pass the one contract suite. A commit is durable when it resolves (PostgreSQL's WAL, fsynced at
 * commit unless the server is configured otherwise).
 */
import type { Store } from './store.js';
import { redactUrl } from '../logging/redactUrl.js';
import { pgAccounts } from './postgres/accounts.js';
import { pgAudit } from './postgres/audit.js';
import { pgComments } from './postgres/comments.js';
import { advisoryLocks } from './postgres/advisoryLock.js';
import { openPgDb, type PgDb } from './postgres/db.js';
import { pgDocuments } from './postgres/documents.js';
import { pgHousekeeping } from './postgres/housekeeping.js';
import { migratePg } from './postgres/migrations.js';
import { pgReports } from './postgres/reports.js';
import { PG_MIGRATIONS } from './postgres/schema.js';
import { pgSectionReviews } from './postgres/sectionReviews.js';
import { pgSessions, pgSettings } from './postgres/sessions.js';
import { pgSigning } from './postgres/signing.js';
import { pgSuggestions } from './postgres/suggestions.js';
import { pgWorkflow } from './postgres/workflow.js';

export interface PostgresStoreOptions {
  /**
   * The most connections this instance holds (default 10). Every instance has its own pool, so their sum
   * must stay below the server's `max_connections`.
   */
  poolSize?: number;
}

/** Why connecting failed, in a line: a refused connection has an empty message but a code (ECONNREFUSED). */
function reasonOf(error: unknown): string {
  const { message, code, errors } = error as { message?: string; code?: string; errors?: unknown[] };
  if (message) return message;
  if (errors && errors.length > 0) return reasonOf(errors[0]);
  return code ?? String(error);
}

/** Connects once, so that a wrong DATABASE_URL is reported as such, in one line, before anything else runs. */
async function connect(db: PgDb, url: string): Promise<void> {
  try {
    await db.query('SELECT 1');
  } catch (error) {
    await db.end().catch(() => {});
    throw new Error(`the PostgreSQL database ${redactUrl(url, 'the configured database')} cannot be reached: ${reasonOf(error)}`);
  }
}

/**
 * Opens the store on `url` (postgres://user:password@host:port/database): connects, applies the
 * migrations the database lacks (instances starting together take turns), and returns the Store.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const db = openPgDb(url, { max: options.poolSize });
  await connect(db, url);
  // A lock is held on a connection of its own while its task runs statements on the main pool: sharing one
  // pool, as many locked tasks as connections would wait for each other for ever.
  const locks = openPgDb(url, { max: 4 });
  try {
    await migratePg(db, PG_MIGRATIONS);
  } catch (error) {
    await db.end().catch(() => {});
    await locks.end().catch(() => {});
    throw error;
  }

  let closed: Promise<void> | null = null;
  return {
    ...pgDocuments(db),
    ...pgReports(db),
    ...pgAccounts(db),
    ...pgSessions(db),
    ...pgSettings(db),
    ...pgComments(db),
    ...pgSuggestions(db),
    ...pgSectionReviews(db),
    ...pgWorkflow(db),
    ...pgSigning(db),
    ...pgHousekeeping(db),
    ...pgAudit(db),
    runExclusive: advisoryLocks(locks),
    async ping() {
      await db.query('SELECT 1');
    },
    // Ends the pool once the statements under way have finished; a second call waits for the same end.
    close() {
      closed ??= Promise.all([db.end(), locks.end()]).then(() => undefined);
      return closed;
    },
  };
}
