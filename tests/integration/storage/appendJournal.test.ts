/**
 * The append journal on a real file, mapped by the real addon, folded into a real SQLite file (issue 13):
 * an update is stored once it is in the journal — before SQLite holds it — and nothing is lost or doubled
 * whichever way the process ends.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDataDirStore, SQLITE_FILE } from '../../../server/storage/dataDirStore.js';
import { readJournal } from '../../../server/storage/sqlite/appendJournal.js';
import { FOLD_AFTER_MS } from '../../../server/storage/sqlite/journaledAppends.js';
import { JOURNAL_FILE } from '../../../server/storage/sqlite/journalFile.js';
import { loadMappedFiles, type MappedFiles } from '../../../server/storage/sqlite/mappedFile.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import type { Store } from '../../../server/storage/store.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The addon, which `npm ci` builds: these tests are about it, so its absence fails them. */
function mappedFiles(): MappedFiles {
  const files = loadMappedFiles();
  if (files instanceof Error) throw files;
  return files;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'append-journal-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens a store with the journal, closed after the test (closing twice is harmless). */
function open(dataDir: string, options: { files?: MappedFiles | null; bytes?: number } = {}): Store {
  const store = openSqliteStore(join(dataDir, SQLITE_FILE), {
    journal: { path: join(dataDir, JOURNAL_FILE), files: options.files === undefined ? mappedFiles() : options.files, bytes: options.bytes },
  });
  cleanups.push(() => store.close());
  return store;
}

/** The updates SQLite itself holds for `room` (another connection: what a reader of the file sees). */
function sqliteRows(dataDir: string, room: string): number[][] {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    return db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY seq').all(room).map((row) => [...row.data]);
  } catch (error) {
    if (String(error).includes('no such table')) return [];
    throw error;
  } finally {
    db.close();
  }
}

const journalRecords = (dataDir: string) => readJournal(readFileSync(join(dataDir, JOURNAL_FILE)));

/** The bytes of the room's updates, as loaded by `store` (one byte each in these tests, snapshot first). */
async function loaded(store: Store, room: string): Promise<number[][]> {
  const { snapshot, updates } = await store.loadDocument(room);
  return [...(snapshot ? [[...snapshot]] : []), ...updates.map((update) => [...update])];
}

async function appendAll(store: Store, room: string, bytes: number[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const byte of bytes) seqs.push(await store.appendUpdate(room, Uint8Array.of(byte)));
  return seqs;
}

describe('the mapped file (native/mappedFile.c)', () => {
  it('writes through to the file, holds it alone until unmapped, and detaches the buffer then', () => {
    const files = mappedFiles();
    const path = join(tempDir(), 'mapped');
    const mapping = files.map(path, 4096);
    new Uint8Array(mapping.buffer).set([1, 2, 3], 100);
    // No write call: the bytes are in the file as the operating system has it.
    expect([...readFileSync(path).subarray(100, 103)]).toEqual([1, 2, 3]);
    expect(readFileSync(path).byteLength).toBe(4096);
    expect(() => files.map(path, 4096)).toThrow(expect.objectContaining({ code: 'EBUSY', message: expect.stringMatching(/in use/) }));

    files.unmap(mapping);
    expect(mapping.buffer.byteLength).toBe(0);
    const again = files.map(path, 4096);
    expect([...new Uint8Array(again.buffer).subarray(100, 103)]).toEqual([1, 2, 3]);
    files.unmap(again);
  });

  it('refuses bad arguments with a TypeError', () => {
    const files = mappedFiles();
    expect(() => files.map(join(tempDir(), 'x'), 0)).toThrow(TypeError);
    expect(() => (files.map as (...args: unknown[]) => unknown)(42, 4096)).toThrow(TypeError);
    expect(() => files.unmap({ buffer: new ArrayBuffer(8) })).toThrow(TypeError);
  });
});

describe('a store with the append journal', () => {
  it('resolves an append once the journal holds it, before SQLite does, and folds it in before any read', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    expect(await appendAll(store, 'r1/frame', [1, 2, 3])).toEqual([1, 2, 3]);
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([]);
    expect(journalRecords(dataDir).map(({ room, seq, data }) => [room, seq, ...data])).toEqual([
      ['r1/frame', 1, 1],
      ['r1/frame', 2, 2],
      ['r1/frame', 3, 3],
    ]);

    expect(await loaded(store, 'r1/frame')).toEqual([[1], [2], [3]]);
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([[1], [2], [3]]);
    expect(journalRecords(dataDir)).toEqual([]);
  });

  it('folds the journal into SQLite by itself soon after an append', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    await appendAll(store, 'r1/frame', [1, 2]);
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([]);
    await vi.waitFor(() => expect(sqliteRows(dataDir, 'r1/frame')).toEqual([[1], [2]]), { timeout: 20 * FOLD_AFTER_MS, interval: FOLD_AFTER_MS / 4 });
    expect(journalRecords(dataDir)).toEqual([]);
  });

  it('keeps every update a killed process had appended, replayed at the next open', async () => {
    const dataDir = tempDir();
    const script = join(import.meta.dirname, 'support', 'appendThenDie.ts');
    const died = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dataDir, 'r1/frame', '50']).then(
      () => null,
      (error: { signal?: string; stdout: string }) => error,
    );
    expect(died?.signal).toBe('SIGKILL');
    const seqs = JSON.parse(died!.stdout) as number[];
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(journalRecords(dataDir)).toHaveLength(50);

    const store = open(dataDir);
    // Replayed at the open: SQLite has them before any read, and the journal is void.
    expect(sqliteRows(dataDir, 'r1/frame')).toHaveLength(50);
    expect(journalRecords(dataDir)).toEqual([]);
    expect(await loaded(store, 'r1/frame')).toEqual(Array.from({ length: 50 }, (_, i) => [i]));
    expect(await store.appendUpdate('r1/frame', Uint8Array.of(99))).toBe(51);
  });

  it('replays a journal left behind even without the addon, and then commits each append to SQLite', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    await appendAll(first, 'r1/frame', [1, 2]);
    // The journal as a killed process leaves it: copied before the close folds it.
    copyFileSync(join(dataDir, JOURNAL_FILE), join(dataDir, 'journal.copy'));
    await first.close();
    rmSync(join(dataDir, SQLITE_FILE));
    rmSync(join(dataDir, `${SQLITE_FILE}-wal`), { force: true });
    rmSync(join(dataDir, `${SQLITE_FILE}-shm`), { force: true });
    copyFileSync(join(dataDir, 'journal.copy'), join(dataDir, JOURNAL_FILE));

    const store = open(dataDir, { files: null });
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([[1], [2]]);
    expect(journalRecords(dataDir)).toEqual([]);
    expect(await store.appendUpdate('r1/frame', Uint8Array.of(3))).toBe(3);
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([[1], [2], [3]]);
  });

  it('stores each update once when a journal already folded is replayed, before or after a compaction', async () => {
    for (const compacted of [false, true]) {
      const dataDir = tempDir();
      const first = open(dataDir);
      await appendAll(first, 'r1/frame', [1, 2, 3]);
      const journal = readFileSync(join(dataDir, JOURNAL_FILE));
      if (compacted) await first.compactDocument('r1/frame', (parts) => Uint8Array.from(parts.flatMap((part) => [...part])));
      await first.close();
      // As if the process died after a fold committed and before the journal was reset.
      writeFileSync(join(dataDir, JOURNAL_FILE), journal);
      expect(readJournal(journal)).toHaveLength(3);

      const store = open(dataDir);
      expect(await loaded(store, 'r1/frame'), compacted ? 'after a compaction' : 'folded').toEqual(compacted ? [[1, 2, 3]] : [[1], [2], [3]]);
      expect(await store.appendUpdate('r1/frame', Uint8Array.of(4))).toBe(4);
    }
  });

  it('keeps the journal’s records while SQLite cannot take them: the read fails, and a later one has them all', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    await appendAll(store, 'r1/frame', [1, 2]);
    // Another process holds SQLite's write lock past the store's busy timeout (5 s): the fold cannot commit.
    const other = new Database(join(dataDir, SQLITE_FILE));
    cleanups.push(() => void other.close());
    other.exec('BEGIN IMMEDIATE');
    await expect(store.loadDocument('r1/frame')).rejects.toThrow(/locked|busy/i);
    expect(journalRecords(dataDir)).toHaveLength(2);
    other.exec('ROLLBACK');

    expect(await appendAll(store, 'r1/frame', [3])).toEqual([3]);
    expect(await loaded(store, 'r1/frame')).toEqual([[1], [2], [3]]);
    expect(journalRecords(dataDir)).toEqual([]);
  }, 20_000);

  it('refuses a second store on the same journal, and the first goes on', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    await appendAll(store, 'r1/frame', [1]);
    expect(() => open(dataDir)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    await appendAll(store, 'r1/frame', [2]);
    expect(await loaded(store, 'r1/frame')).toEqual([[1], [2]]);
  });

  it('folds when the journal is full and stores an update bigger than the whole journal directly, all in order', async () => {
    const dataDir = tempDir();
    const store = open(dataDir, { bytes: 4096 });
    const small = Array.from({ length: 300 }, (_, i) => i % 256);
    const seqs = await appendAll(store, 'r1/frame', small);
    // 300 records of ≈ 33 bytes do not fit in 4 kB: the journal was folded on the way.
    expect(sqliteRows(dataDir, 'r1/frame').length).toBeGreaterThan(0);
    const big = new Uint8Array(10_000).fill(7);
    seqs.push(await store.appendUpdate('r1/frame', big));
    seqs.push(await store.appendUpdate('r1/frame', Uint8Array.of(8)));
    expect(seqs).toEqual(Array.from({ length: 302 }, (_, i) => i + 1));
    const { updates } = await store.loadDocument('r1/frame');
    expect(updates.map((update) => update.byteLength === 1 ? update[0] : `${update.byteLength} bytes`)).toEqual([...small, '10000 bytes', 8]);
  });

  it('takes the journal’s updates along when a report’s rooms are deleted: none comes back', async () => {
    const dataDir = tempDir();
    const store = open(dataDir);
    await appendAll(store, 'r1/frame', [1, 2]);
    await appendAll(store, 'r2/frame', [3]);
    await store.deleteReportRooms('r1');
    await store.close();

    const reopened = open(dataDir);
    expect(await loaded(reopened, 'r1/frame')).toEqual([]);
    expect(await loaded(reopened, 'r2/frame')).toEqual([[3]]);
  });

  it('goes on without the journal, saying why, when its file cannot be mapped', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, JOURNAL_FILE)); // a directory where the journal's file should be
    const reasons: Error[] = [];
    const store = openDataDirStore(dataDir, (reason) => reasons.push(reason));
    cleanups.push(() => store.close());
    expect(reasons).toEqual([expect.objectContaining({ message: expect.stringContaining(JOURNAL_FILE) })]);
    expect(await appendAll(store, 'r1/frame', [1, 2])).toEqual([1, 2]);
    // Each committed to SQLite at once.
    expect(sqliteRows(dataDir, 'r1/frame')).toEqual([[1], [2]]);
  });

  it('opens the data directory as the server does: the journal on, with the addon built', async () => {
    const dataDir = tempDir();
    const reasons: Error[] = [];
    const store = openDataDirStore(dataDir, (reason) => reasons.push(reason));
    cleanups.push(() => store.close());
    await store.appendUpdate('r1/frame', Uint8Array.of(1));
    expect(reasons).toEqual([]);
    expect(journalRecords(dataDir)).toHaveLength(1);
  });
});
