/**
 * Rooms' documents in PostgreSQL, built for several instances appending to one room at once (issue 11).
 *
 * - `doc_rooms`: a counter per room. An append bumps it and inserts its update in one statement, holding
 *   the row's lock to commit, so a room's updates are numbered 1, 2, 3… without holes and become visible
 *   in that order: an instance that sees seq n+1 can rely on every earlier one being there. The row
 *   outlives a deleted report, so a room's numbers never go back.
 * - `doc_updates`: the log, keyed by room and seq.
 * - `doc_snapshots`: the compacted state, apart from the counter so that a compaction never blocks an
 *   append. `data` is null until the first compaction (the row exists so that compactions of the room can
 *   lock it and take turns); `through_seq` is the last update the snapshot holds.
 *
 * Room names compare byte for byte (`COLLATE "C"`, as SQLite does), whatever the database's collation: the
 * rooms of a report are the range `<id>/` to `<id>0`.
 */
import { sqlMigration } from './migrations.js';

export const DOCUMENTS_SCHEMA = sqlMigration(
  '2026-12-pg-documents',
  `
CREATE TABLE doc_rooms (
  room TEXT COLLATE "C" PRIMARY KEY,
  last_seq BIGINT NOT NULL
);
CREATE TABLE doc_updates (
  room TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (room, seq)
);
CREATE TABLE doc_snapshots (
  room TEXT COLLATE "C" PRIMARY KEY,
  data BYTEA,
  through_seq BIGINT NOT NULL
);
`,
);
