import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../../../server/storage/sqlite/schema.js';
import { UpdateLog } from '../../../../server/storage/sqlite/updateLog.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A database file of the product's schema, an update log on it, and its rows. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'update-log-'));
  const file = join(dir, 'store.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const rows = (room: string) => db.prepare<[string], { seq: number }>('SELECT seq FROM doc_updates WHERE room = ? ORDER BY seq').all(room).map((row) => row.seq);
  return { db, file, log: new UpdateLog(db), rows };
}

describe('UpdateLog', () => {
  it('numbers each room’s updates from 1, one room apart from another', () => {
    const { log, rows } = setUp();
    expect([log.appendOne('a', Buffer.of(1)), log.appendOne('a', Buffer.of(2)), log.appendOne('b', Buffer.of(3))]).toEqual([1, 2, 1]);
    expect(log.appendMany([{ room: 'b', data: Buffer.of(4) }, { room: 'a', data: Buffer.of(5) }, { room: 'b', data: Buffer.of(6) }])).toEqual([2, 3, 3]);
    expect(rows('a')).toEqual([1, 2, 3]);
    expect(rows('b')).toEqual([1, 2, 3]);
  });

  it('goes on after the snapshot when a compaction emptied the log', () => {
    const { db, log, rows } = setUp();
    db.prepare("INSERT INTO doc_snapshots (room, data, through_seq) VALUES ('a', x'00', 7)").run();
    expect(log.appendOne('a', Buffer.of(1))).toBe(8);
    expect(rows('a')).toEqual([8]);
  });

  it('takes the next free number when another connection appended meanwhile, refusing nothing', () => {
    const { file, log, rows } = setUp();
    expect(log.appendOne('a', Buffer.of(1))).toBe(1);
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.prepare("INSERT INTO doc_updates (room, seq, data) VALUES ('a', 2, x'02')").run();
    expect(log.appendOne('a', Buffer.of(3))).toBe(3);
    other.prepare("INSERT INTO doc_updates (room, seq, data) VALUES ('a', 4, x'04')").run();
    expect(log.appendMany([{ room: 'a', data: Buffer.of(5) }, { room: 'a', data: Buffer.of(6) }])).toEqual([5, 6]);
    expect(rows('a')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('goes on after the snapshot when another connection appended and compacted meanwhile', () => {
    const { file, log, rows } = setUp();
    expect(log.appendOne('a', Buffer.of(1))).toBe(1);
    const other = new Database(file);
    cleanups.push(() => other.close());
    other.exec(`INSERT INTO doc_updates (room, seq, data) VALUES ('a', 2, x'02'), ('a', 3, x'03');
      INSERT INTO doc_snapshots (room, data, through_seq) VALUES ('a', x'00', 3);
      DELETE FROM doc_updates WHERE room = 'a' AND seq <= 3;`);
    expect(log.appendOne('a', Buffer.of(4))).toBe(4);
    other.exec(`INSERT INTO doc_updates (room, seq, data) VALUES ('a', 5, x'05');
      UPDATE doc_snapshots SET through_seq = 5 WHERE room = 'a';
      DELETE FROM doc_updates WHERE room = 'a' AND seq <= 5;`);
    expect(log.appendMany([{ room: 'a', data: Buffer.of(6) }, { room: 'b', data: Buffer.of(1) }])).toEqual([6, 1]);
    expect(rows('a')).toEqual([6]);
  });

  it('leaves no gap after a batch that failed', () => {
    const { db, log, rows } = setUp();
    db.exec(`CREATE TRIGGER refuse_empty BEFORE INSERT ON doc_updates WHEN length(NEW.data) = 0 BEGIN SELECT RAISE(ABORT, 'empty update'); END`);
    expect(log.appendOne('a', Buffer.of(1))).toBe(1);
    expect(() => log.appendMany([{ room: 'a', data: Buffer.of(2) }, { room: 'b', data: Buffer.alloc(0) }])).toThrow(/empty update/);
    expect(() => log.appendOne('a', Buffer.alloc(0))).toThrow(/empty update/);
    expect(log.appendOne('a', Buffer.of(2))).toBe(2);
    expect(rows('a')).toEqual([1, 2]);
    expect(rows('b')).toEqual([]);
  });

  it('numbers rightly past the rooms it remembers', () => {
    const { log, rows } = setUp();
    const rooms = Array.from({ length: 10_050 }, (_, index) => `r${index}`);
    log.appendMany(rooms.map((room) => ({ room, data: Buffer.of(1) })));
    expect(log.appendMany(rooms.map((room) => ({ room, data: Buffer.of(2) }))).every((seq) => seq === 2)).toBe(true);
    expect(log.appendOne('r0', Buffer.of(3))).toBe(3);
    expect(rows('r10049')).toEqual([1, 2]);
  });
});
