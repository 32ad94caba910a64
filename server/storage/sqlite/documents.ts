/** Rooms' documents in SQLite: a snapshot per room and an append-only log of updates. */
import type { Database } from 'better-sqlite3';
import type { DocumentStore, StoredDocument, StoredUpdate } from '../store.js';
import { bytesOf } from '../rows/bytes.js';
import { GroupCommit } from './groupCommit.js';
import { JournaledAppends } from './journaledAppends.js';
import { openJournal } from './journalFile.js';
import type { MappedFiles } from './mappedFile.js';
import { UpdateLog } from './updateLog.js';

/** Where the appends go first: the journal at `path`, mapped by `files` (null: the addon is not built). */
export interface JournalOptions {
  path: string;
  files: MappedFiles | null;
  /** The journal's size (journalFile.ts: JOURNAL_BYTES); tests make it small to fill it. */
  bytes?: number;
  /** Hears why the journal is off when its file cannot be mapped (appends then go to SQLite directly). */
  onUnavailable?: (reason: Error) => void;
}

/**
 * The rooms' documents. With `journal`, appends go through the append journal (journaledAppends.ts) —
 * only for the file's one writer; without it, each is committed to SQLite (groupCommit.ts).
 */
export function sqliteDocuments(db: Database, journal?: JournalOptions): DocumentStore & {
  upsertSnapshot(room: string, data: Uint8Array, throughSeq: number): void;
  /** Makes every append resolved so far readable in SQLite: called before a room's log is read or deleted. */
  flushAppends(): void;
  /** Flushes the appends and lets go of the journal: call it before closing the database. */
  closeAppends(): void;
} {
  const log = new UpdateLog(db);
  const opened = journal ? openJournal(journal.path, journal.files, log, journal) : null;
  const appends = opened ? new JournaledAppends(opened.journal, log) : new GroupCommit(log);
  const selectSnapshot = db.prepare<[string], { data: Buffer; through_seq: number }>(
    'SELECT data, through_seq FROM doc_snapshots WHERE room = ?',
  );
  const selectUpdates = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq',
  );
  const upsert = db.prepare<[string, Buffer, number]>(
    `INSERT INTO doc_snapshots (room, data, through_seq) VALUES (?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq`,
  );
  const deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE room = ? AND seq <= ?');
  const updatesAfter = db.transaction((room: string, afterSeq: number): StoredUpdate[] | null => {
    const snapshot = selectSnapshot.get(room);
    if (snapshot && snapshot.through_seq > afterSeq) return null;
    return selectUpdates.all(room, afterSeq).map((row) => ({ seq: row.seq, update: bytesOf(row.data) }));
  });
  /** Snapshot and log in one read transaction (WAL: one consistent view, whatever else writes meanwhile). */
  const load = db.transaction((room: string): StoredDocument => {
    const snapshot = selectSnapshot.get(room);
    const since = snapshot?.through_seq ?? 0;
    const rows = selectUpdates.all(room, since);
    return {
      snapshot: snapshot ? bytesOf(snapshot.data) : null,
      updates: rows.map((row) => bytesOf(row.data)),
      lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : since,
    };
  });
  // IMMEDIATE: the write lock is taken before reading, so two compactions of one file run one after the other.
  const compact = db
    .transaction((room: string, merge: (parts: readonly Uint8Array[]) => Uint8Array): number | null => {
      const stored = load(room);
      if (stored.updates.length === 0) return null;
      const parts = stored.snapshot === null ? stored.updates : [stored.snapshot, ...stored.updates];
      upsert.run(room, Buffer.from(merge(parts)), stored.lastSeq);
      deleteUpdates.run(room, stored.lastSeq);
      return stored.lastSeq;
    }).immediate;

  return {
    upsertSnapshot(room, data, throughSeq) {
      upsert.run(room, Buffer.from(data), throughSeq);
    },
    appendUpdate(room, update) {
      // A view, not a copy: stored updates are never changed, and the bytes are read once, by the insert.
      return appends.append(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    },
    flushAppends() {
      appends.flush();
    },
    closeAppends() {
      try {
        appends.flush();
      } finally {
        // What a failed flush left in the journal is replayed at the next open.
        opened?.close();
      }
    },
    async loadDocument(room) {
      appends.flush();
      return load(room);
    },
    async compactDocument(room, merge) {
      appends.flush();
      return compact(room, merge);
    },
    async loadUpdatesAfter(room, afterSeq) {
      appends.flush();
      return updatesAfter(room, afterSeq);
    },
  };
}
