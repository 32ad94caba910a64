/**
 * Opening a SQLite file whose update log has the first layout (a global AUTOINCREMENT seq and an index on
 * room and seq; issue 13 keys it by room): every room keeps its snapshot, its updates and their order;
 * appends continue after the last seq; compaction and catch-up reads work; a second opening changes nothing.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA } from '../../../server/storage/sqlite/schema.js';
import { DOC_UPDATES_TABLE } from '../../../server/storage/sqlite/documentsSchema.js';
import { openSqliteStore } from '../../../server/storage/sqliteStore.js';
import { docFromStored } from '../../../server/storage/storedDocument.js';
import { mergeIntoSnapshot } from '../../../server/collab/snapshot.js';
import type { Store } from '../../../server/storage/store.js';

const FIRST_LAYOUT = `
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room_seq ON doc_updates (room, seq);
`;

/** Two rooms typed in turn, so their global seqs interleave; the first also has a snapshot. */
function typedUpdates(): Array<{ room: string; update: Uint8Array }> {
  const docs = { a: new Y.Doc(), b: new Y.Doc() };
  const written: Array<{ room: string; update: Uint8Array }> = [];
  for (const [room, doc] of Object.entries(docs)) doc.on('update', (update: Uint8Array) => written.push({ room: `r/section/${room}`, update }));
  for (const word of ['Một ', 'hai ', 'ba ', 'bốn ']) {
    docs.a.getText('t').insert(docs.a.getText('t').length, word);
    docs.b.getText('t').insert(docs.b.getText('t').length, word.toUpperCase());
  }
  return written;
}

const textOf = (store: Store, room: string) => store.loadDocument(room).then((stored) => docFromStored(stored).getText('t').toString());

describe('SQLite: a file whose update log has the first layout', () => {
  let dir: string;
  let file: string;
  const stores: Store[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-doc-log-'));
    file = join(dir, 'dong-soan.sqlite');
    const old = new Database(file);
    old.exec(SCHEMA.replace(DOC_UPDATES_TABLE, FIRST_LAYOUT));
    const insert = old.prepare<[string, Buffer]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)');
    const updates = typedUpdates();
    for (const { room, update } of updates) insert.run(room, Buffer.from(update));
    // Room a's first two updates folded into a snapshot, as a compaction did (global seqs 1 and 3).
    const folded = mergeIntoSnapshot(updates.filter(({ room }) => room === 'r/section/a').slice(0, 2).map(({ update }) => update));
    old.prepare("INSERT INTO doc_snapshots (room, data, through_seq) VALUES ('r/section/a', ?, 3)").run(Buffer.from(folded));
    old.prepare("DELETE FROM doc_updates WHERE room = 'r/section/a' AND seq <= 3").run();
    old.close();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = () => {
    const store = openSqliteStore(file);
    stores.push(store);
    return store;
  };
  const layout = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get()!.sql;
    } finally {
      db.close();
    }
  };

  it('keeps every room’s text and seqs, and goes on numbering after them', async () => {
    const store = open();
    expect(layout()).toMatch(/WITHOUT ROWID/);
    expect(await textOf(store, 'r/section/a')).toBe('Một hai ba bốn ');
    expect(await textOf(store, 'r/section/b')).toBe('MỘT HAI BA BỐN ');
    const a = await store.loadDocument('r/section/a');
    expect(a.updates).toHaveLength(2);
    expect(a.lastSeq).toBe(7);
    expect((await store.loadUpdatesAfter('r/section/b', 4))?.map(({ seq }) => seq)).toEqual([6, 8]);

    const client = docFromStored(a);
    const more: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => more.push(update));
    client.getText('t').insert(client.getText('t').length, 'năm');
    expect(await store.appendUpdate('r/section/a', more[0]!)).toBe(8);
    expect(await store.appendUpdate('r/section/c', more[0]!)).toBe(1);
    expect(await textOf(store, 'r/section/a')).toBe('Một hai ba bốn năm');
    expect(await store.compactDocument('r/section/a', mergeIntoSnapshot)).toBe(8);
    expect((await store.loadDocument('r/section/a')).updates).toHaveLength(0);
    expect(await store.appendUpdate('r/section/a', more[0]!)).toBe(9);
  });

  it('opens the migrated file again without changing it, and numbers after the snapshot once the log is empty', async () => {
    const first = open();
    await first.compactDocument('r/section/a', mergeIntoSnapshot);
    await first.close();
    stores.splice(0);
    const before = layout();
    const second = open();
    expect(layout()).toBe(before);
    expect(await textOf(second, 'r/section/a')).toBe('Một hai ba bốn ');
    const doc = new Y.Doc();
    doc.clientID = 99;
    expect(await second.appendUpdate('r/section/a', Y.encodeStateAsUpdate(doc))).toBe(8);
  });
});
