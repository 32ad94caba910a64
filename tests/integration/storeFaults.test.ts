/**
 * What a room does while its store is slow or fails (issue 8, items 2 and 8): nothing is relayed before it
 * is stored; a failing store while someone joins closes that connection (1011) and harms nothing else; a
 * room dropped after a failure is loaded afresh for the next join; an idle unload never closes someone who
 * joined meanwhile.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CloseCode } from '../../common/closeCodes.js';
import { defaultConfig } from '../../server/config.js';
import { openSqliteStore } from '../../server/storage/sqliteStore.js';
import { createReport } from '../helpers/api.js';
import { connectClient, openRawSocket, type CollabClient } from '../helpers/collabClient.js';
import { faultyStore, type FaultyStore } from '../helpers/faultyStore.js';
import { appendParagraph, sectionText } from '../helpers/sectionText.js';
import { makeDataDir, startServer, type TestServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWithFaults(collab: Partial<ReturnType<typeof defaultConfig>['collab']> = {}): Promise<{
  server: TestServer;
  faults: FaultyStore;
  room: string;
}> {
  const dataDir = await makeDataDir();
  const faults = faultyStore(openSqliteStore(join(dataDir, 'dong-soan.sqlite')));
  const server = await startServer({
    store: faults.store,
    config: { collab: { ...defaultConfig().collab, ...collab } },
  });
  cleanups.push(async () => {
    await server.close();
    const { rm } = await import('node:fs/promises');
    await rm(dataDir, { recursive: true, force: true });
  });
  const report = await createReport(server.url, {}, server.adminCookie);
  return { server, faults, room: report.sections[0]!.room };
}

function client(server: TestServer, room: string): CollabClient {
  const connected = connectClient(server.collabUrl, room, server.adminCookie);
  cleanups.push(() => connected.destroy());
  return connected;
}

/** A ping the server's socket layer answers at once: everything the server sent before it has arrived. */
function roundTrip(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('pong', () => resolve());
    socket.ping();
  });
}

describe('a room and its store', () => {
  it('relays an update to nobody until the store has it', async () => {
    const { server, faults, room } = await serverWithFaults();
    const writer = client(server, room);
    const watcher = client(server, room);
    await Promise.all([writer.synced(), watcher.synced()]);

    const held = faults.holdNext('appendUpdate');
    appendParagraph(writer.doc, 'chờ lưu xong');
    const append = await held;
    await roundTrip(watcher.provider.ws as unknown as WebSocket);
    expect(sectionText(watcher.doc)).not.toContain('chờ lưu xong');

    append.release();
    await waitFor(() => sectionText(watcher.doc).includes('chờ lưu xong'), { what: 'relay after storing' });
    expect(await storedText(server.store, room)).toContain('chờ lưu xong');
  });

  it('closes a joining connection with 1011 when the store fails during its join, and keeps serving', async () => {
    const { server, faults, room } = await serverWithFaults();
    const writer = client(server, room);
    await writer.synced();
    // The upgrade reads the session once; the join, in the room's queue, reads it again: that one fails.
    const held = faults.holdNext('getSession');
    const raw = openRawSocket(server.collabUrl, room, server.adminCookie);
    (await held).release();
    faults.failNext('getSession', 1);
    expect(await raw.closed).toBe(CloseCode.internalError);

    appendParagraph(writer.doc, 'vẫn phục vụ');
    const later = client(server, room);
    await later.synced();
    await waitFor(() => sectionText(later.doc).includes('vẫn phục vụ'), { what: 'room still served' });
  });

  it('loads a room afresh for a connection whose join was queued behind a store failure', async () => {
    const { server, faults, room } = await serverWithFaults({ retryDelaysMs: [] });
    const writer = client(server, room);
    await writer.synced();

    const held = faults.holdNext('appendUpdate');
    appendParagraph(writer.doc, 'lưu thất bại lần đầu');
    const append = await held;
    // Joins now: its turn in the room's queue comes after the update whose storing fails.
    const joiner = client(server, room);
    await waitFor(() => joiner.provider.wsconnected, { what: 'joiner connected' });
    append.fail();

    await joiner.synced();
    await waitFor(() => sectionText(joiner.doc).includes('lưu thất bại lần đầu'), {
      what: 'the writer resends on reconnect and the joiner, in a fresh room, receives it',
    });
    expect(await storedText(server.store, room)).toContain('lưu thất bại lần đầu');
  });

  it('does not unload a room under someone who joined while it was going idle', async () => {
    const idleUnloadMs = 20;
    const { server, faults, room } = await serverWithFaults({ idleUnloadMs });
    const first = connectClient(server.collabUrl, room, server.adminCookie);
    await first.synced();

    // The next join waits in the room's queue (its session check is held) while the room goes idle.
    const upgrade = faults.holdNext('getSession');
    const joiner = client(server, room);
    const inQueue = faults.holdNext('getSession');
    (await upgrade).release();
    const check = await inQueue;
    first.destroy();
    const closes: number[] = [];
    joiner.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    // The idle timer is the server's own; give it several of its periods to fire while the join is held.
    await new Promise((resolve) => setTimeout(resolve, idleUnloadMs * 10));
    check.release();

    await joiner.synced();
    appendParagraph(joiner.doc, 'vào đúng lúc phòng sắp đóng');
    const reader = client(server, room);
    await reader.synced();
    await waitFor(() => sectionText(reader.doc).includes('vào đúng lúc phòng sắp đóng'), { what: 'edit relayed' });
    expect(closes).toEqual([]);
  });
});
