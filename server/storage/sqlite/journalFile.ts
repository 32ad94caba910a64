/**
 * Opening the append journal's file (appendJournal.ts): what a crash left in it is replayed into the log
 * first — idempotently: an update stored already is skipped — and then it starts a new generation.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { AppendJournal, journalGeneration, journalHeader, readJournal } from './appendJournal.js';
import type { MappedFiles } from './mappedFile.js';
import type { UpdateLog } from './updateLog.js';

/** The journal's file in the data directory, beside the SQLite file. */
export const JOURNAL_FILE = 'dong-soan.journal';

/** The journal's size: updates wait in it at most FOLD_AFTER_MS; one bigger than this goes to SQLite directly. */
export const JOURNAL_BYTES = 8 * 1024 * 1024;

export interface OpenJournal {
  journal: AppendJournal;
  /** Unmaps the file and releases its lock (fold it first). */
  close(): void;
}

/**
 * Replays the journal at `path` into `log`, then maps it for appends. Throws when another store holds it
 * (code 'EBUSY'). Without `files` (the addon not built) it only replays — reading the file — and voids what
 * it replayed: the store then appends to SQLite directly, and returns null.
 */
export function openJournal(
  path: string,
  files: MappedFiles | null,
  log: Pick<UpdateLog, 'insertNumbered'>,
  bytes: number = JOURNAL_BYTES,
): OpenJournal | null {
  if (!files) {
    replayByReading(path, log);
    return null;
  }
  // A file left bigger (by another size) is mapped whole: none of its records is left out of the replay.
  const size = Math.max(bytes, existsSync(path) ? statSync(path).size : 0);
  const mapping = files.map(path, size);
  try {
    const mapped = new Uint8Array(mapping.buffer);
    log.insertNumbered(readJournal(mapped));
    return { journal: new AppendJournal(mapped), close: () => files.unmap(mapping) };
  } catch (error) {
    files.unmap(mapping);
    throw error;
  }
}

function replayByReading(path: string, log: Pick<UpdateLog, 'insertNumbered'>): void {
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  const generation = journalGeneration(bytes);
  if (generation === 0) return;
  log.insertNumbered(readJournal(bytes));
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, journalHeader((generation + 1) >>> 0 || 1), 0, undefined, 0);
  } finally {
    closeSync(fd);
  }
}
