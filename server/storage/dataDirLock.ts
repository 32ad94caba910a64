/**
 * One instance per SQLite data directory (issue 11): two processes appending to one file would each
 * compact and relay without hearing of the other's edits. The lock is a small SQLite file held in
 * exclusive locking mode for the life of the process — an operating-system lock, so it goes away with
 * the process however it ends (no stale lock file after a crash or SIGKILL). Several instances share
 * state through PostgreSQL and Redis instead.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'instance.lock';

/** The directory is in use by another running instance. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `DATA_DIR ${dataDir} is in use by another running Đồng Soạn instance; stop it, or give this one another DATA_DIR ` +
        '(several instances share one store through DATABASE_URL and REDIS_URL, not through one SQLite file)',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Takes the lock of `dataDir`; throws {@link DataDirLockedError} when another process holds it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write in exclusive mode takes the file's lock and keeps it until the connection closes.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (pid INTEGER); DELETE FROM held; COMMIT');
    db.prepare('INSERT INTO held (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    db.close();
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')) throw new DataDirLockedError(dataDir);
    throw error;
  }
  return () => db.close();
}
