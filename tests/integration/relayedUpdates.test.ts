/**
 * What a room relays and stores of a writer's update (issue 13): an update that is all new goes to the
 * others as the very message it came in, and is stored once; one sent again adds nothing and goes nowhere;
 * one that is partly known is relayed and stored as what it added only; an empty one is neither.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createReport } from '../helpers/api.js';
import { openRawSocket, type RawSocket } from '../helpers/collabClient.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { carriedUpdate, isSyncAnswer, syncRequest, updateMessage } from '../helpers/wireMessages.js';

const relayedUpdate = (data: Uint8Array) => carriedUpdate(data, 'update');

describe('what a room relays and stores of an update', () => {
  let server: TestServer;
  let room: string;
  let writer: RawSocket;
  let watcher: RawSocket;
  /** Every update message the watcher received, as received. */
  const seen: Uint8Array[] = [];

  beforeEach(async () => {
    server = await startServer();
    room = (await createReport(server.url, {}, server.adminCookie)).sections[0]!.room;
    writer = openRawSocket(server.collabUrl, room, server.adminCookie);
    watcher = openRawSocket(server.collabUrl, room, server.adminCookie);
    await Promise.all([writer.opened, watcher.opened]);
    watcher.socket.on('message', (data: Buffer) => {
      if (relayedUpdate(data)) seen.push(new Uint8Array(data));
    });
  });
  afterEach(async () => {
    seen.length = 0;
    for (const raw of [writer, watcher]) raw.socket.close();
    await Promise.all([writer.closed, watcher.closed]);
    await server.close();
  });

  /** Sends `update` from the writer, then waits until the room has handled it (a sync request's answer). */
  async function send(update: Uint8Array): Promise<Uint8Array> {
    const message = updateMessage(update);
    const answered = new Promise<void>((resolve) => {
      const onMessage = (data: Buffer) => {
        if (!isSyncAnswer(data)) return;
        writer.socket.off('message', onMessage);
        resolve();
      };
      writer.socket.on('message', onMessage);
    });
    writer.socket.send(message);
    writer.socket.send(syncRequest());
    await answered;
    return message;
  }

  const storedCount = async () => (await server.store.loadDocument(room)).updates.length;

  it('relays an all-new update as the message it came in, once; sent again, it goes nowhere and is not stored again', async () => {
    const doc = new Y.Doc();
    doc.clientID = 4242;
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getText('ghi-chu').insert(0, 'Ghi chú mới');
    const before = await storedCount();

    const message = await send(update!);
    await waitFor(() => seen.length === 1, { what: 'the relay' });
    expect(Buffer.from(seen[0]!).equals(Buffer.from(message))).toBe(true);
    expect(await storedCount()).toBe(before + 1);

    await send(update!);
    await send(Y.encodeStateAsUpdate(new Y.Doc()));
    // A fresh edit after both: once it arrives, anything relayed for them would have arrived before it.
    doc.getText('ghi-chu').insert(0, '!');
    await send(update!);
    await waitFor(() => seen.length >= 2, { what: 'the later edit' });
    expect(seen).toHaveLength(2);
    expect(await storedCount()).toBe(before + 2);
  });

  it('relays and stores only what a partly known update added', async () => {
    const doc = new Y.Doc();
    doc.clientID = 4343;
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('ghi-chu').insert(0, 'Đã có. ');
    await send(updates[0]!);
    doc.getText('ghi-chu').insert(7, 'Mới thêm.');
    const both = Y.mergeUpdates(updates);
    const before = await storedCount();

    const message = await send(both);
    await waitFor(() => seen.length === 2, { what: 'the relay of the new part' });
    const relayed = relayedUpdate(seen[1]!)!;
    expect(Buffer.from(seen[1]!).equals(Buffer.from(message))).toBe(false);
    expect(Buffer.from(relayed).includes(Buffer.from('Mới thêm.'))).toBe(true);
    expect(Buffer.from(relayed).includes(Buffer.from('Đã có.'))).toBe(false);
    const stored = (await server.store.loadDocument(room)).updates;
    expect(stored).toHaveLength(before + 1);
    expect(Buffer.from(stored.at(-1)!).includes(Buffer.from('Đã có.'))).toBe(false);
  });
});
