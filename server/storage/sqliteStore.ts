/**
 * The embedded default store: one SQLite file in WAL mode (DESIGN.md, "Storage and scale").
 * better-sqlite3 is synchronous, so each append is durable against a killed process when it returns:
 * WAL with synchronous=NORMAL loses nothing on a process crash, only (at worst) on a power cut.
 * Each kind of record lives in its own module under sqlite/.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './store.js';
import { sqliteAccounts } from './sqlite/accounts.js';
import { sqliteAudit } from './sqlite/audit.js';
import { sqliteComments } from './sqlite/comments.js';
import { sqliteDocuments, type JournalOptions } from './sqlite/documents.js';
import { sqliteHousekeeping } from './sqlite/housekeeping.js';
import { migrate } from './sqlite/migrations.js';
import { sqliteReports } from './sqlite/reports.js';
import { SCHEMA } from './sqlite/schema.js';
import { sqliteSectionReviews } from './sqlite/sectionReviews.js';
import { sqliteSigning } from './sqlite/signing.js';
import { sqliteSessions, sqliteSettings } from './sqlite/sessions.js';
import { sqliteSuggestions } from './sqlite/suggestions.js';
import { sqliteWorkflow } from './sqlite/workflow.js';

/**
 * Opens (creating if needed) the SQLite store at `file`. With `journal`, the rooms' appends go through the
 * append journal (sqlite/appendJournal.ts): for the file's one writer only — the server, which holds the data
 * directory's lock. Without it several stores may share the file.
 */
export function openSqliteStore(file: string, options: { journal?: JournalOptions } = {}): Store {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);

  let documents: ReturnType<typeof sqliteDocuments>;
  try {
    documents = sqliteDocuments(db, options.journal);
  } catch (error) {
    db.close();
    throw error;
  }
  const audit = sqliteAudit(db);
  let open = true;
  return {
    ...documents,
    ...sqliteReports(db, (room, state) => documents.upsertSnapshot(room, state, 0), audit.append),
    ...sqliteAccounts(db),
    ...sqliteSessions(db),
    ...sqliteSettings(db),
    ...sqliteComments(db, audit),
    ...sqliteSuggestions(db, audit),
    ...sqliteSectionReviews(db, audit),
    ...sqliteWorkflow(db, audit),
    ...sqliteSigning(db, audit),
    ...sqliteHousekeeping(db, audit, documents.flushAppends),
    listAudit: audit.listAudit,
    appendAudit: audit.appendAudit,
    queryAudit: audit.queryAudit,
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (!open) return;
      open = false;
      // An append of this very turn is committed, not lost: its room is waiting for it.
      try {
        documents.closeAppends();
      } finally {
        db.close();
      }
    },
  };
}
