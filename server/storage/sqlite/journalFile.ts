/**
 * Opening the append journal's file (appendJournal.ts): what a crash left in it is replayed into the log
 * first — idempotently: an update stored already is skipped — and then it starts a new generation.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { AppendJournal, journalGeneration, journalHeader, nextGeneration, readJournal } from './appendJournal.js';
import type { MappedFiles, Mapping } from './mappedFile.js';
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
 * (code 'EBUSY'). Without `files` (the addon not built), or when the file cannot be mapped (a file system
 * that will not, a directory in its place: `onUnavailable` hears why), it only replays what it can read and
 * voids it: the store then appends to SQLite directly, and this returns null.
 */
export function openJournal(
  path: string,
  files: MappedFiles | null,
  log: Pick<UpdateLog, 'insertNumbered'>,
  options: { bytes?: number; onUnavailable?: (reason: Error) => void } = {},
): OpenJournal | null {
  if (!files) {
    replayByReading(path, log);
    return null;
  }
  // A file left bigger (by another size) is mapped whole: none of its records is left out of the replay.
  const size = Math.max(options.bytes ?? JOURNAL_BYTES, existsSync(path) ? statSync(path).size : 0);
  let mapping: Mapping;
  try {
    mapping = files.map(path, size);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EBUSY') throw error;
    options.onUnavailable?.(error instanceof Error ? error : new Error(String(error)));
    replayByReading(path, log);
    return null;
  }
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
  if (!existsSync(path) || !statSync(path).isFile()) return;
  const bytes = readFileSync(path);
  const generation = journalGeneration(bytes);
  if (generation === 0) return;
  log.insertNumbered(readJournal(bytes));
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, journalHeader(nextGeneration(generation)), 0, undefined, 0);
  } finally {
    closeSync(fd);
  }
}
