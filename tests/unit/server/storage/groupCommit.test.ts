import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../server/storage/sqlite/groupCommit.js';

function setUp() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE log (room TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL CHECK (length(data) > 0), PRIMARY KEY (room, seq)) WITHOUT ROWID');
  const insert = db.prepare<{ room: string; data: Buffer }, { seq: number }>(
    'INSERT INTO log (room, seq, data) VALUES (@room, COALESCE((SELECT MAX(seq) FROM log WHERE room = @room), 0) + 1, @data) RETURNING seq',
  );
  const rows = () => db.prepare<[], { room: string; seq: number }>('SELECT room, seq FROM log ORDER BY room, seq').all();
  return { db, commits: new GroupCommit(db, insert), rows };
}

describe('GroupCommit', () => {
  it('commits the appends of one turn together, after it, each room numbered in order', async () => {
    const { commits, rows } = setUp();
    const appended = [commits.append('a', Buffer.of(1)), commits.append('b', Buffer.of(2)), commits.append('a', Buffer.of(3))];
    // Nothing is stored while the turn lasts: no append has resolved, no row is there.
    expect(rows()).toEqual([]);
    expect(await Promise.all(appended)).toEqual([1, 1, 2]);
    expect(rows()).toEqual([
      { room: 'a', seq: 1 },
      { room: 'a', seq: 2 },
      { room: 'b', seq: 1 },
    ]);
  });

  it('stores none of a turn whose transaction fails, and rejects each of its appends', async () => {
    const { commits, rows } = setUp();
    const appended = [commits.append('a', Buffer.of(1)), commits.append('b', Buffer.alloc(0))].map((append) => append.then(() => 'stored', () => 'failed'));
    expect(await Promise.all(appended)).toEqual(['failed', 'failed']);
    expect(rows()).toEqual([]);
    // The next turn is a transaction of its own.
    expect(await commits.append('a', Buffer.of(1))).toBe(1);
  });

  it('commits what is pending at once when flushed (before the database closes)', async () => {
    const { db, commits, rows } = setUp();
    const appended = commits.append('a', Buffer.of(1));
    commits.flush();
    expect(rows()).toEqual([{ room: 'a', seq: 1 }]);
    db.close();
    expect(await appended).toBe(1);
  });
});
