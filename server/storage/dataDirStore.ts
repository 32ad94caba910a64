/**
 * The store in a data directory, opened as the server opens it: the SQLite file with the append journal
 * beside it (sqlite/appendJournal.ts), so that what a killed process left in the journal is replayed. The
 * journal is for the file's one writer: the caller holds the directory's lock (dataDirLock.ts), or the
 * process that did has ended.
 */
import { join } from 'node:path';
import { JOURNAL_FILE } from './sqlite/journalFile.js';
import { loadMappedFiles, type MappedFiles } from './sqlite/mappedFile.js';
import { openSqliteStore } from './sqliteStore.js';
import type { Store } from './store.js';

export const SQLITE_FILE = 'dong-soan.sqlite';

/**
 * Opens the data directory's store. `onJournalOff` hears why appends go to SQLite directly when the native
 * addon is not built or the journal's file cannot be mapped (what it holds is still replayed).
 */
export function openDataDirStore(dataDir: string, onJournalOff: (reason: Error) => void = () => {}): Store {
  const loaded = loadMappedFiles();
  let files: MappedFiles | null = null;
  if (loaded instanceof Error) onJournalOff(loaded);
  else files = loaded;
  return openSqliteStore(join(dataDir, SQLITE_FILE), { journal: { path: join(dataDir, JOURNAL_FILE), files, onUnavailable: onJournalOff } });
}
