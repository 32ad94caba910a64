/**
 * A refused message changes nothing (CONTRACT.md, "Rooms"; issue 8, item 1): an update that does not
 * decode whole is closed with 4400 and no part of it is applied, relayed or stored — not at once, not at
 * compaction, not after a restart. An update that leans on content the room does not have waits outside
 * the document: never relayed, stored or served to a newcomer unless what it needs arrives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/storage/sqliteStore.js';
import { CloseCode } from '../../common/closeCodes.js';
import { seededRandom } from '../../common/seededRandom.js';
import { createReport } from '../helpers/api.js';
import { connectClient, openRawSocket, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph, body, sectionText } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';
import { isSyncAnswer, syncRequest, updateMessage } from '../helpers/wireMessages.js';


/** The update a change makes on a copy of `base`'s state (what a real client of the room would send). */
function updateOf(base: Y.Doc, change: (doc: Y.Doc) => void): { update: Uint8Array; copy: Y.Doc } {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  let update: Uint8Array | null = null;
  copy.once('update', (u: Uint8Array) => (update = u));
  change(copy);
  if (!update) throw new Error('the change made no update');
  return { update, copy };
}

/** True when the bytes of an update hold `text` (UTF-8), wherever Yjs keeps it. */
function containsText(update: Uint8Array, text: string): boolean {
  return Buffer.from(update).includes(Buffer.from(text, 'utf8'));
}

describe('a refused update', () => {
  let server: TestServer;
  let room: string;
  let writer: CollabClient;
  let watcher: CollabClient;

  beforeEach(async () => {
    server = await startServer();
    const report = await createReport(server.url, {}, server.adminCookie);
    room = report.sections[0]!.room;
    writer = connectClient(server.collabUrl, room, server.adminCookie);
    watcher = connectClient(server.collabUrl, room, server.adminCookie);
    await Promise.all([writer.synced(), watcher.synced()]);
  });
  afterEach(async () => {
    writer.destroy();
    watcher.destroy();
    await server.close();
  });

  /** Sends one update on a fresh socket of a writer (the office); resolves with the close code. */
  async function sendUpdate(update: Uint8Array): Promise<number> {
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    await raw.opened;
    raw.socket.send(updateMessage(update));
    return raw.closed;
  }

  /**
   * Sends one update on a fresh socket, then a sync request: its answer comes once the room has handled the
   * update. Resolves with the close code when the server closed the socket, else null (and closes it).
   */
  async function sendUpdateAndAsk(update: Uint8Array): Promise<number | null> {
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    await raw.opened;
    const answered = new Promise<null>((resolve) =>
      raw.socket.on('message', (data: Buffer) => {
        if (isSyncAnswer(data)) resolve(null);
      }),
    );
    raw.socket.send(updateMessage(update));
    raw.socket.send(syncRequest());
    const result = await Promise.race([answered, raw.closed]);
    raw.socket.close();
    await raw.closed;
    return result;
  }

  /** A good edit after the bad ones: once the watcher has it, the room has handled everything before. */
  async function goodEdit(text: string): Promise<void> {
    appendParagraph(writer.doc, text);
    await waitFor(() => sectionText(watcher.doc).includes(text), { what: text });
  }

  it('applies, relays and stores no part of an update whose delete set is cut off', async () => {
    const { update, copy } = updateOf(writer.doc, (doc) => appendParagraph(doc, 'đoạn bị từ chối'));
    expect(await sendUpdate(update.slice(0, -1))).toBe(CloseCode.malformed);

    // A later edit inside the refused paragraph, as a client that believed it stored would send it.
    const inside = updateOf(copy, (doc) => {
      const paragraphs = body(doc).toArray() as Y.XmlElement[];
      (paragraphs.at(-1)!.get(0) as Y.XmlText).insert(0, 'bên trong ');
    });
    // It needs the refused paragraph: it waits, and goes nowhere.
    expect(await sendUpdateAndAsk(inside.update)).toBeNull();
    copy.destroy();
    inside.copy.destroy();

    await goodEdit('sau cùng');
    for (const text of [sectionText(watcher.doc), sectionText(writer.doc), await storedText(server.store, room)]) {
      expect(text).toContain('sau cùng');
      expect(text).not.toContain('từ chối');
      expect(text).not.toContain('bên trong');
    }
    const fresh = connectClient(server.collabUrl, room, server.adminCookie);
    await fresh.synced();
    expect(sectionText(fresh.doc)).toBe(sectionText(watcher.doc));
    fresh.destroy();
  });

  it('relays, serves and stores none of an update that leans on content the room never gets, even after a graceful stop', async () => {
    // First a paragraph the server never receives, then an edit into it: the server can place the edit
    // nowhere, so it must refuse it rather than keep it pending (where a snapshot would store it).
    const { copy } = updateOf(writer.doc, (doc) => appendParagraph(doc, 'chưa từng gửi'));
    const orphan = updateOf(copy, (doc) => {
      const paragraphs = body(doc).toArray() as Y.XmlElement[];
      (paragraphs.at(-1)!.get(0) as Y.XmlText).insert(0, 'mồ côi ');
    });
    expect(await sendUpdateAndAsk(orphan.update)).toBeNull();
    copy.destroy();
    orphan.copy.destroy();
    await goodEdit('vẫn làm việc');
    const fresh = connectClient(server.collabUrl, room, server.adminCookie);
    await fresh.synced();
    // Not even in its pending set, where Yjs keeps what it cannot place yet.
    expect(containsText(Y.encodeStateAsUpdate(fresh.doc), 'mồ côi')).toBe(false);
    fresh.destroy();

    // A graceful stop compacts the room: what the document kept pending would be stored now.
    await server.app.close();
    const store = openSqliteStore(join(server.dataDir, 'dong-soan.sqlite'));
    try {
      const text = await storedText(store, room);
      expect(text).toContain('vẫn làm việc');
      expect(text).not.toContain('mồ côi');
      expect(text).not.toContain('chưa từng gửi');
      const stored = await store.loadDocument(room);
      expect(stored.updates).toHaveLength(0);
      expect(containsText(stored.snapshot!, 'mồ côi')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('keeps the room exactly as its good edits made it after many updates cut short at random', async () => {
    const random = seededRandom(8);
    for (let n = 0; n < 40; n++) {
      // Each adds a paragraph and deletes a word of the starting text, so its delete set is not empty.
      const { update, copy } = updateOf(writer.doc, (doc) =>
        doc.transact(() => {
          appendParagraph(doc, `rác ${n}`);
          const first = (body(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
          first.delete(0, 3);
        }),
      );
      copy.destroy();
      // Cut inside the delete set (the last bytes) most of the time, anywhere the rest.
      const cut = random() < 0.75 ? update.byteLength - 1 - Math.floor(random() * 4) : 1 + Math.floor(random() * (update.byteLength - 1));
      const code = await sendUpdate(update.slice(0, cut));
      expect(code, `cut at ${cut} of ${update.byteLength}`).toBe(CloseCode.malformed);
      if (n % 10 === 0) await goodEdit(`tốt ${n}`);
    }
    await goodEdit('hết');
    const expected = sectionText(writer.doc);
    expect(expected).not.toContain('rác');
    expect(sectionText(watcher.doc)).toBe(expected);
    expect(await storedText(server.store, room)).toBe(expected);
    // What the room's own document holds, as a newcomer receives it.
    const fresh = connectClient(server.collabUrl, room, server.adminCookie);
    await fresh.synced();
    expect(sectionText(fresh.doc)).toBe(expected);
    fresh.destroy();
  });

  it('applies a waiting update once what it needs arrives, from the same client or another', async () => {
    const { update: first, copy } = updateOf(writer.doc, (doc) => appendParagraph(doc, 'đoạn đến sau'));
    const { update: second, copy: later } = updateOf(copy, (doc) => {
      const paragraphs = body(doc).toArray() as Y.XmlElement[];
      (paragraphs.at(-1)!.get(0) as Y.XmlText).insert(0, 'chờ rồi ');
    });
    // The second arrives first, as when a client types while its sync step 2 is on the way.
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    await raw.opened;
    raw.socket.send(updateMessage(second));
    const other = openRawSocket(server.collabUrl, room, server.adminCookie);
    await other.opened;
    other.socket.send(updateMessage(first));
    await waitFor(() => sectionText(watcher.doc).includes('chờ rồi đoạn đến sau'), { what: 'both applied' });
    expect(await storedText(server.store, room)).toContain('chờ rồi đoạn đến sau');
    raw.socket.close();
    other.socket.close();
    copy.destroy();
    later.destroy();
  });
});
