import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BURST_MS, GroupCommit } from '../../../../server/storage/sqlite/groupCommit.js';
import { SCHEMA } from '../../../../server/storage/sqlite/schema.js';
import { UpdateLog } from '../../../../server/storage/sqlite/updateLog.js';

function setUp() {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  // A refusal the tests can provoke: an empty update.
  db.exec(`CREATE TRIGGER refuse_empty BEFORE INSERT ON doc_updates WHEN length(NEW.data) = 0 BEGIN SELECT RAISE(ABORT, 'CHECK: empty update'); END`);
  const rows = () => db.prepare<[], { room: string; seq: number }>('SELECT room, seq FROM doc_updates ORDER BY room, seq').all();
  const clock = { ms: 1_000 };
  return { db, commits: new GroupCommit(new UpdateLog(db), () => clock.ms), rows, clock };
}

describe('GroupCommit', () => {
  it('commits an append that comes alone at once', async () => {
    const { commits, rows } = setUp();
    const appended = commits.append('a', Buffer.of(1));
    expect(rows()).toEqual([{ room: 'a', seq: 1 }]);
    expect(await appended).toBe(1);
  });

  it('commits appends that follow one another closely together, after the turn, each room numbered in order', async () => {
    const { commits, rows, clock } = setUp();
    expect(await commits.append('a', Buffer.of(1))).toBe(1);
    clock.ms += BURST_MS / 2;
    const appended = [commits.append('a', Buffer.of(2)), commits.append('b', Buffer.of(3)), commits.append('a', Buffer.of(4))];
    // Nothing of the burst is stored while the turn lasts.
    expect(rows()).toEqual([{ room: 'a', seq: 1 }]);
    expect(await Promise.all(appended)).toEqual([2, 1, 3]);
    expect(rows()).toEqual([
      { room: 'a', seq: 1 },
      { room: 'a', seq: 2 },
      { room: 'a', seq: 3 },
      { room: 'b', seq: 1 },
    ]);
    // Long after, an append is alone again.
    clock.ms += 10 * BURST_MS;
    commits.append('b', Buffer.of(5));
    expect(rows()).toHaveLength(5);
  });

  it('stores none of a batch whose transaction fails, and rejects each of its appends', async () => {
    const { commits, rows } = setUp();
    await commits.append('a', Buffer.of(1));
    const appended = [commits.append('a', Buffer.of(2)), commits.append('b', Buffer.alloc(0))].map((append) => append.then(() => 'stored', () => 'failed'));
    expect(await Promise.all(appended)).toEqual(['failed', 'failed']);
    expect(rows()).toEqual([{ room: 'a', seq: 1 }]);
  });

  it('rejects a lone append the database refuses', async () => {
    const { commits, rows } = setUp();
    await expect(commits.append('a', Buffer.alloc(0))).rejects.toThrow(/CHECK/);
    expect(rows()).toEqual([]);
  });

  it('commits what is pending at once when flushed (before the database closes)', async () => {
    const { db, commits, rows } = setUp();
    await commits.append('a', Buffer.of(1));
    const appended = commits.append('a', Buffer.of(2));
    commits.flush();
    expect(rows()).toHaveLength(2);
    db.close();
    expect(await appended).toBe(2);
  });
});
