/**
 * Rooms' documents in PostgreSQL (tables in documentsSchema.ts), for several instances appending to one
 * room at once: each room numbers its updates 1, 2, 3… and they become visible in that order; a load reads
 * snapshot and log in one statement (one snapshot of the database), so a compaction committing meanwhile
 * is seen wholly or not at all; compactions of a room take turns on its snapshot row.
 */
import { bytesOf } from '../rows/bytes.js';
import type { DocumentStore, StoredDocument, StoredUpdate } from '../store.js';
import { byteaOf, type PgDb, type PgQueryable } from './db.js';

/**
 * Bumps the room's counter and stores the update under the new number, in one statement. The counter
 * row stays locked until commit, so the next append of the room waits for this one: numbers commit in
 * order and a rolled-back append gives its number back (no holes).
 */
const APPEND = `
WITH counter AS (
  INSERT INTO doc_rooms (room, last_seq) VALUES ($1, 1)
  ON CONFLICT (room) DO UPDATE SET last_seq = doc_rooms.last_seq + 1
  RETURNING last_seq
)
INSERT INTO doc_updates (room, seq, data) SELECT $1, last_seq, $2 FROM counter RETURNING seq`;

/** The snapshot (the row whose `seq` is null) and the updates after it, oldest first. */
const LOAD = `
WITH snapshot AS (SELECT data, through_seq FROM doc_snapshots WHERE room = $1)
SELECT NULL::bigint AS seq, data, through_seq FROM snapshot
UNION ALL
SELECT seq, data, NULL FROM doc_updates WHERE room = $1 AND seq > COALESCE((SELECT through_seq FROM snapshot), 0)
ORDER BY seq NULLS FIRST`;

/** How far the snapshot goes (the row whose `seq` is null), and the updates after `$2`, oldest first. */
const UPDATES_AFTER = `
SELECT NULL::bigint AS seq, NULL::bytea AS data, through_seq FROM doc_snapshots WHERE room = $1
UNION ALL
SELECT seq, data, NULL FROM doc_updates WHERE room = $1 AND seq > $2
ORDER BY seq NULLS FIRST`;

interface LogRow {
  seq: number | null;
  data: Buffer | null;
  through_seq: number | null;
}

/** Writes a room's starting state (a new report's rooms) inside the caller's transaction. */
export async function saveStartingState(tx: PgQueryable, room: string, state: Uint8Array): Promise<void> {
  await tx.query(
    `INSERT INTO doc_snapshots (room, data, through_seq) VALUES ($1, $2, 0)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq`,
    [room, byteaOf(state)],
  );
}

/** Splits what LOAD or UPDATES_AFTER read into the snapshot row and the updates. */
function split(rows: LogRow[]): { snapshot: LogRow | null; updates: StoredUpdate[] } {
  const snapshot = rows[0]?.seq === null ? rows[0] : null;
  const updates = rows.filter((row) => row.seq !== null).map((row) => ({ seq: row.seq!, update: bytesOf(row.data!) }));
  return { snapshot, updates };
}

/** Folds the room's log into its snapshot in `tx`, once this compaction holds the room's snapshot row. */
async function compactIn(tx: PgQueryable, room: string, merge: (parts: readonly Uint8Array[]) => Uint8Array): Promise<number | null> {
  // The row must exist to be locked; a room never compacted gets one without data.
  await tx.query('INSERT INTO doc_snapshots (room, data, through_seq) VALUES ($1, NULL, 0) ON CONFLICT (room) DO NOTHING', [room]);
  // READ COMMITTED: once the lock is ours, this and the next statement read what the compaction before us wrote.
  const { rows: locked } = await tx.query<{ data: Buffer | null; through_seq: number }>(
    'SELECT data, through_seq FROM doc_snapshots WHERE room = $1 FOR UPDATE',
    [room],
  );
  const snapshot = locked[0]!;
  const { rows } = await tx.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE room = $1 AND seq > $2 ORDER BY seq',
    [room, snapshot.through_seq],
  );
  if (rows.length === 0) return null;
  const updates = rows.map((row) => bytesOf(row.data));
  const merged = merge(snapshot.data === null ? updates : [bytesOf(snapshot.data), ...updates]);
  const through = rows[rows.length - 1]!.seq;
  await tx.query('UPDATE doc_snapshots SET data = $2, through_seq = $3 WHERE room = $1', [room, byteaOf(merged), through]);
  // Only what was folded: updates appended since have higher numbers and stay.
  await tx.query('DELETE FROM doc_updates WHERE room = $1 AND seq <= $2', [room, through]);
  return through;
}

/**
 * Runs the work given for one key after the work given before it for that key has settled, whether it
 * succeeded or not; keys are forgotten once idle.
 */
function inTurnPerKey() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

export function pgDocuments(db: PgDb): DocumentStore {
  // An instance's appends to one room go one after another, in the order they were called, so their
  // numbers follow that order as SQLite's do (a room never sees its last number go back). They would
  // wait for each other on the counter's row lock anyway; waiting here holds no connection meanwhile.
  const inTurn = inTurnPerKey();
  return {
    async appendUpdate(room, update) {
      // A copy: the caller may reuse its buffer before the statement is sent.
      const data = Buffer.from(update);
      return inTurn(room, async () => {
        const { rows } = await db.queryPrepared<{ seq: number }>('dong-soan-append-update', APPEND, [room, data]);
        return rows[0]!.seq;
      });
    },
    async loadDocument(room): Promise<StoredDocument> {
      const { snapshot, updates } = split((await db.query<LogRow>(LOAD, [room])).rows);
      const since = snapshot?.through_seq ?? 0;
      return {
        snapshot: snapshot?.data ? bytesOf(snapshot.data) : null,
        updates: updates.map((entry) => entry.update),
        lastSeq: updates.length > 0 ? updates[updates.length - 1]!.seq : since,
      };
    },
    async compactDocument(room, merge) {
      return db.transaction((tx) => compactIn(tx, room, merge));
    },
    async loadUpdatesAfter(room, afterSeq) {
      const { snapshot, updates } = split((await db.query<LogRow>(UPDATES_AFTER, [room, afterSeq])).rows);
      return snapshot && snapshot.through_seq! > afterSeq ? null : updates;
    },
  };
}
