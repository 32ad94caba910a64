import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { defaultConfig } from '../../server/config.js';
import { openSqliteStore } from '../../server/storage/sqliteStore.js';
import type { Store } from '../../server/storage/store.js';
import { createReport } from '../helpers/api.js';
import { connectClient, openRawSocket, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../helpers/sectionText.js';
import { makeDataDir, startServer, type TestServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { docFromStored } from '../../server/storage/storedDocument.js';
import { waitFor } from '../helpers/waitFor.js';
import { carriedUpdate, isSyncAnswer, syncRequest } from '../helpers/wireMessages.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(client: CollabClient): CollabClient {
  cleanups.push(() => client.destroy());
  return client;
}

async function serverOn(dataDir: string, options: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const server = await startServer({ dataDir, ...options });
  cleanups.push(() => server.close());
  return server;
}

async function tempDir(): Promise<string> {
  const dir = await makeDataDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function roomsLoaded(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/api/health`);
  return ((await response.json()) as { rooms: number }).rooms;
}

describe('room lifecycle', () => {
  it('loads a room once for connections that arrive together, replaying what they sent meanwhile', async () => {
    const dataDir = await tempDir();
    const inner = openSqliteStore(join(dataDir, 'dong-soan.sqlite'));
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store: Store = {
      ...inner,
      async loadDocument(room) {
        loads++;
        await gate;
        return inner.loadDocument(room);
      },
    };
    const server = await serverOn(dataDir, { store });
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[0]!.room;
    const clients = Array.from({ length: 5 }, () => track(connectClient(server.collabUrl, room, server.adminCookie)));

    // A raw client sends an update as soon as it is connected, while the room is still loading.
    const early = new Y.Doc();
    appendParagraph(early, 'gửi trong lúc phòng đang tải');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(early));
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    cleanups.push(() => raw.socket.close());
    await raw.opened;
    raw.socket.send(encoding.toUint8Array(encoder));
    await waitFor(() => loads > 0);

    release();
    await Promise.all(clients.map((client) => client.synced()));
    await waitFor(() => clients.every((client) => sectionText(client.doc).includes('gửi trong lúc phòng đang tải')));
    expect(loads).toBe(1);
    early.destroy();
  });

  it('stores an edit whose sender disconnected before the room got to it', async () => {
    const dataDir = await tempDir();
    const inner = openSqliteStore(join(dataDir, 'dong-soan.sqlite'));
    let release: (() => void) | null = null;
    let blocked = 0;
    const store: Store = {
      ...inner,
      async appendUpdate(room, update) {
        if (release === null && blocked === 0) {
          blocked++;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return inner.appendUpdate(room, update);
      },
    };
    const server = await serverOn(dataDir, { store });
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[2]!.room;
    const first = track(connectClient(server.collabUrl, room, server.adminCookie));
    await first.synced();
    appendParagraph(first.doc, 'lưu chậm');
    await waitFor(() => release !== null, { what: 'first append blocked' });

    // Meanwhile another client sends an edit and leaves at once, as a closing tab does.
    const leaving = new Y.Doc();
    appendParagraph(leaving, 'gửi rồi đóng tab');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(leaving));
    leaving.destroy();
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    await raw.opened;
    raw.socket.send(encoding.toUint8Array(encoder), () => raw.socket.close());
    await raw.closed;

    release!();
    await waitFor(async () => (await storedText(server.store, room)).includes('gửi rồi đóng tab'), {
      what: 'the departed client’s edit stored',
    });
    expect(await storedText(server.store, room)).toContain('lưu chậm');
  });

  it('keeps everything when the server is stopped and started again', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir });
    const report = await createReport(first.url, {}, first.adminCookie);
    const room = report.sections[3]!.room;
    const writer = connectClient(first.collabUrl, room, first.adminCookie);
    const watcher = connectClient(first.collabUrl, room, first.adminCookie);
    await Promise.all([writer.synced(), watcher.synced()]);
    appendParagraph(writer.doc, 'Kiến nghị: tiếp tục kiện toàn Hội đồng Thi đua - Khen thưởng.');
    await waitFor(() => sectionText(watcher.doc) === sectionText(writer.doc));
    const expected = sectionText(writer.doc);
    writer.destroy();
    watcher.destroy();
    await first.close();

    const second = await serverOn(dataDir);
    const reader = track(connectClient(second.collabUrl, room, second.adminCookie));
    await reader.synced();
    expect(sectionText(reader.doc)).toBe(expected);
    const listed = (await (await fetch(`${second.url}/api/reports`, { headers: { cookie: second.adminCookie } })).json()) as Array<{ id: string }>;
    expect(listed.map((item) => item.id)).toEqual([report.id]);
  });

  it('folds the update log into a snapshot as it grows, and unloads a room nobody uses after a final flush', async () => {
    const dataDir = await tempDir();
    const collab = { ...defaultConfig().collab, compactEvery: 5, idleUnloadMs: 100 };
    const server = await serverOn(dataDir, { config: { collab } });
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[0]!.room;
    const writer = connectClient(server.collabUrl, room, server.adminCookie);
    const watcher = track(connectClient(server.collabUrl, room, server.adminCookie));
    await Promise.all([writer.synced(), watcher.synced()]);
    const line = appendParagraph(writer.doc);
    for (let i = 0; i < 23; i++) line.insert(line.length, `${i};`);
    await waitFor(() => sectionText(watcher.doc) === sectionText(writer.doc));
    await waitFor(async () => (await server.store.loadDocument(room)).updates.length < 5, { what: 'compaction' });
    expect(await storedText(server.store, room)).toBe(sectionText(writer.doc));

    expect(await roomsLoaded(server)).toBe(1);
    writer.destroy();
    watcher.destroy();
    await waitFor(async () => (await roomsLoaded(server)) === 0, { what: 'idle room unloaded' });
    const stored = await server.store.loadDocument(room);
    expect(stored.updates).toHaveLength(0);
    expect(await storedText(server.store, room)).toContain('22;');

    const again = track(connectClient(server.collabUrl, room, server.adminCookie));
    await again.synced();
    expect(sectionText(again.doc)).toContain('0;1;2;');
  });

  it('compacts from the stored log: an update another instance appended while the room was live is kept', async () => {
    const dataDir = await tempDir();
    const collab = { ...defaultConfig().collab, compactEvery: 5 };
    const server = await serverOn(dataDir, { config: { collab } });
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[0]!.room;
    const writer = track(connectClient(server.collabUrl, room, server.adminCookie));
    await writer.synced();

    // Another instance, sharing the store, stores an edit this one never hears of.
    const elsewhere = docFromStored(await server.store.loadDocument(room));
    const before = Y.encodeStateVector(elsewhere);
    appendParagraph(elsewhere, 'Sửa trên máy chủ khác.');
    await server.store.appendUpdate(room, Y.encodeStateAsUpdate(elsewhere, before));
    elsewhere.destroy();

    // Enough edits here to compact the log.
    const line = appendParagraph(writer.doc);
    for (let i = 0; i < 12; i++) line.insert(line.length, `${i};`);
    await waitFor(async () => (await storedText(server.store, room)).includes('11;'), { what: 'the edits stored' });
    await waitFor(async () => (await server.store.loadDocument(room)).updates.length < 5, { what: 'compaction' });
    const stored = await storedText(server.store, room);
    expect(stored).toContain('Sửa trên máy chủ khác.');
    expect(stored).toContain('0;1;2;');
  });

  it('answers a brand-new editor of a room just loaded with the stored bytes (snapshot, then log) before asking for its state; an offline editor’s edits still come in', async () => {
    const dataDir = await tempDir();
    const collab = { ...defaultConfig().collab, idleUnloadMs: 100 };
    const server = await serverOn(dataDir, { config: { collab } });
    const room = (await createReport(server.url, {}, server.adminCookie)).sections[0]!.room;
    const writer = connectClient(server.collabUrl, room, server.adminCookie);
    await writer.synced();
    appendParagraph(writer.doc, 'Đã lưu trước khi phòng được giải phóng.');
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
    await waitFor(async () => (await storedText(server.store, room)).includes('giải phóng'), { what: 'the edit stored' });
    writer.destroy();
    const unloaded = async () => {
      await waitFor(async () => (await roomsLoaded(server)) === 0, { what: 'idle room unloaded' });
      expect((await server.store.loadDocument(room)).updates).toHaveLength(0);
    };
    await unloaded();

    /** A brand-new editor's sync request on a raw socket: the kinds of the sync messages it gets, in order, and the text they carry. */
    const newcomer = async (expected: number) => {
      const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
      cleanups.push(async () => {
        raw.socket.close();
        await raw.closed;
      });
      const kinds: string[] = [];
      const doc = new Y.Doc();
      raw.socket.on('message', (data: Buffer) => {
        if (data[0] !== 0) return;
        const kind = isSyncAnswer(data) ? 'answer' : data[1] === syncProtocol.messageYjsSyncStep1 ? 'step1' : 'update';
        if (kind !== 'step1') Y.applyUpdate(doc, carriedUpdate(new Uint8Array(data), kind)!);
        kinds.push(kind);
      });
      await raw.opened;
      raw.socket.send(syncRequest());
      await waitFor(() => kinds.length >= expected, { what: 'the answer and the sync step 1' });
      raw.socket.close();
      await raw.closed;
      return { kinds: kinds.slice(0, expected), text: sectionText(doc) };
    };

    // The cold room holds a snapshot alone: the answer (the snapshot as stored) comes first, then the room's sync step 1.
    const snapshotOnly = await newcomer(2);
    expect(snapshotOnly.kinds).toEqual(['answer', 'step1']);
    expect(snapshotOnly.text).toContain('giải phóng');
    await unloaded();

    // Another instance appended to the cold room's log: the snapshot, then the log as one update, then sync step 1.
    const elsewhere = docFromStored(await server.store.loadDocument(room));
    const before = Y.encodeStateVector(elsewhere);
    appendParagraph(elsewhere, 'Thêm từ máy chủ khác.');
    appendParagraph(elsewhere, 'Và một đoạn nữa.');
    await server.store.appendUpdate(room, Y.encodeStateAsUpdate(elsewhere, before));
    elsewhere.destroy();
    const withLog = await newcomer(3);
    expect(withLog.kinds).toEqual(['answer', 'update', 'step1']);
    expect(withLog.text).toContain('giải phóng');
    expect(withLog.text).toContain('Và một đoạn nữa.');
    await unloaded();

    // An editor that wrote while offline joins the cold room: asked after its own request, it sends its edit.
    appendParagraph(offline, 'Viết khi mất mạng.');
    const returning = track(connectClient(server.collabUrl, room, server.adminCookie, offline));
    await returning.synced();
    await waitFor(async () => (await storedText(server.store, room)).includes('Viết khi mất mạng.'), { what: 'the offline edit stored' });
  });
});
