/**
 * Work on one report that must not overlap across instances (issue 11): status changes and issuing,
 * restores, renames — what server/review/keyedQueue.ts serialises within one process. A PostgreSQL
 * session-level advisory lock, keyed by a hash of the report id, held on one pooled connection for the
 * task's length: another instance's task of the same report waits for it. Should the instance die, its
 * connection drops and PostgreSQL releases the lock.
 */
import type { PgDb } from './db.js';

export function advisoryLocks(db: PgDb): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  return async (key, task) => {
    const client = await db.pool.connect();
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      try {
        return await task();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => {
          // A connection that cannot unlock is dropped: its session, and the lock with it, ends.
          broken = true;
        });
      }
    } finally {
      client.release(broken);
    }
  };
}
