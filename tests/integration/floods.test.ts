/**
 * Floods from connections that may only read (issue 8, item 5): presence is bounded in size and paced per
 * connection (latest wins), repeated sync requests are answered at most once per interval, and a client
 * that does not read is cut without holding up its room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../common/closeCodes.js';
import { defaultConfig } from '../../server/config.js';
import { createReport, login, seedWorkspace } from '../helpers/api.js';
import { connectClient, openRawSocket, type CollabClient, type RawSocket } from '../helpers/collabClient.js';
import { appendParagraph, sectionText } from '../helpers/sectionText.js';
import { startServer, type TestServer } from '../helpers/startServer.js';
import { waitFor } from '../helpers/waitFor.js';
import { awarenessMessage, isSyncAnswer, syncRequest } from '../helpers/wireMessages.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  server: TestServer;
  room: string;
  /** The chair's cookie: the chair may only read sections. */
  reader: string;
}

async function setUp(collab: Partial<ReturnType<typeof defaultConfig>['collab']> = {}): Promise<Setup> {
  const server = await startServer({ config: { collab: { ...defaultConfig().collab, ...collab } } });
  cleanups.push(() => server.close());
  const ws = await seedWorkspace(server);
  const reader = await login(server.url, ws.chair.username, ws.chair.password);
  const report = await createReport(server.url, {}, server.adminCookie);
  return { server, room: report.sections[0]!.room, reader };
}

function client(server: TestServer, room: string, cookie: string): CollabClient {
  const connected = connectClient(server.collabUrl, room, cookie);
  cleanups.push(() => connected.destroy());
  return connected;
}

function raw(server: TestServer, room: string, cookie: string): RawSocket {
  const socket = openRawSocket(server.collabUrl, room, cookie);
  cleanups.push(() => socket.socket.terminate());
  return socket;
}

/** What a listener hears of presence: every relayed awareness message applied to a local copy. */
function listen(socket: RawSocket): { awareness: awarenessProtocol.Awareness; bytes: () => number } {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  let bytes = 0;
  socket.socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 1) return;
    bytes += data.byteLength;
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  });
  cleanups.push(() => awareness.destroy());
  return { awareness, bytes: () => bytes };
}

/** A section made large (about `chars` characters) by a writer, so that answering a sync request costs. */
async function fill(server: TestServer, room: string, chars: number): Promise<void> {
  const writer = client(server, room, server.adminCookie);
  await writer.synced();
  const line = 'Nội dung dài để đồng bộ. '.repeat(40);
  for (let n = 0; n * line.length < chars; n++) appendParagraph(writer.doc, `${n} ${line}`);
  const text = sectionText(writer.doc);
  const check = client(server, room, server.adminCookie);
  await check.synced();
  await waitFor(() => sectionText(check.doc) === text, { what: 'the large section stored and served' });
}

describe('floods from a reader', () => {
  it('closes a reader whose presence is over the size limit with 4413 and relays none of it', async () => {
    const { server, room, reader } = await setUp({ maxAwarenessBytes: 4096 });
    const listener = raw(server, room, server.adminCookie);
    const heard = listen(listener);
    const flooder = raw(server, room, reader);
    await Promise.all([listener.opened, flooder.opened]);

    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    cleanups.push(() => awareness.destroy());
    awareness.setLocalState({ blob: 'x'.repeat(10_000) });
    flooder.socket.send(awarenessMessage(awareness));
    expect(await flooder.closed).toBe(CloseCode.tooLarge);

    // The room still relays presence, and never relayed the large one.
    const person = client(server, room, server.adminCookie);
    person.provider.awareness.setLocalStateField('probe', 'sau');
    await waitFor(() => [...heard.awareness.getStates().values()].some((state) => state.probe === 'sau'), { what: 'presence relayed' });
    expect(heard.bytes()).toBeLessThan(4096);
  });

  it('applies presence at most once per interval per connection, the latest last', async () => {
    const { server, room, reader } = await setUp({ awarenessIntervalMs: 1000 });
    const listener = raw(server, room, server.adminCookie);
    const heard = listen(listener);
    const flooder = raw(server, room, reader);
    await Promise.all([listener.opened, flooder.opened]);

    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    cleanups.push(() => awareness.destroy());
    // Twenty caret moves 40 ms apart: each would be relayed on its own (relays are batched per 30 ms).
    const moves = 20;
    for (let n = 0; n < moves; n++) {
      awareness.setLocalState({ cursor: n, padding: 'p'.repeat(500) });
      flooder.socket.send(awarenessMessage(awareness));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await waitFor(() => heard.awareness.getStates().get(awareness.clientID)?.cursor === moves - 1, { what: 'the latest presence' });
    // The first was applied at once, the latest when the interval was over; the rest were folded away.
    expect(heard.bytes()).toBeLessThan(6 * 700);
  });

  it('never lets the echo of someone else’s presence take the place of the sender’s own waiting for its turn', async () => {
    const { server, room, reader } = await setUp({ awarenessIntervalMs: 1000 });
    const listener = raw(server, room, server.adminCookie);
    const heard = listen(listener);
    const other = raw(server, room, server.adminCookie);
    const sender = raw(server, room, reader);
    const heardBySender = listen(sender);
    await Promise.all([listener.opened, other.opened, sender.opened]);

    // Someone else is present; the sender hears it, as a y-websocket client would.
    const otherAwareness = new awarenessProtocol.Awareness(new Y.Doc());
    cleanups.push(() => otherAwareness.destroy());
    otherAwareness.setLocalState({ cursor: 'khác' });
    other.socket.send(awarenessMessage(otherAwareness));
    await waitFor(() => heardBySender.awareness.getStates().get(otherAwareness.clientID)?.cursor === 'khác', { what: 'the other’s presence' });

    // The sender's caret moves twice (the second waits for the interval), then it sends back what it heard.
    const own = new awarenessProtocol.Awareness(new Y.Doc());
    cleanups.push(() => own.destroy());
    own.setLocalState({ cursor: 1 });
    sender.socket.send(awarenessMessage(own));
    await waitFor(() => heard.awareness.getStates().get(own.clientID)?.cursor === 1, { what: 'the first caret' });
    own.setLocalState({ cursor: 2 });
    sender.socket.send(awarenessMessage(own));
    sender.socket.send(awarenessMessage(heardBySender.awareness, otherAwareness.clientID));
    // The caret's last place reaches the others once the interval is over.
    await waitFor(() => heard.awareness.getStates().get(own.clientID)?.cursor === 2, { what: 'the caret’s last place' });
  });

  it('answers a burst of sync requests at most once per interval', async () => {
    const { server, room, reader } = await setUp({ syncIntervalMs: 300 });
    await fill(server, room, 200_000);
    const flooder = raw(server, room, reader);
    await flooder.opened;
    let answers = 0;
    flooder.socket.on('message', (data: Buffer) => {
      if (isSyncAnswer(data)) answers++;
    });
    for (let n = 0; n < 200; n++) flooder.socket.send(syncRequest());
    // The first is answered at once, the other 199 together once the interval is over.
    await waitFor(() => answers >= 2, { what: 'the folded answer' });
    // One more request, handled after the burst (one queue per room): its answer comes last.
    flooder.socket.send(syncRequest());
    await waitFor(() => answers >= 3, { what: 'the answer to the last request' });
    expect(answers).toBeLessThanOrEqual(4);
  });

  it('cuts a reader that does not read, while the room goes on for everyone else', async () => {
    const { server, room, reader } = await setUp({ maxBufferedBytes: 256 * 1024, syncIntervalMs: 20 });
    await fill(server, room, 300_000);
    const writer = client(server, room, server.adminCookie);
    const watcher = client(server, room, server.adminCookie);
    await Promise.all([writer.synced(), watcher.synced()]);
    const before = server.app.websocketServer.clients.size;

    const slow = raw(server, room, reader);
    await slow.opened;
    await waitFor(() => server.app.websocketServer.clients.size === before + 1, { what: 'the slow reader admitted' });
    // It stops reading its socket but keeps asking for the whole section.
    const tcp = (slow.socket as unknown as { _socket: { pause(): void } })._socket;
    tcp.pause();
    let asking = true;
    cleanups.push(() => {
      asking = false;
    });
    const ask = async () => {
      while (asking && slow.socket.readyState === slow.socket.OPEN) {
        slow.socket.send(syncRequest());
        appendParagraph(writer.doc, 'vẫn gõ');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const asked = ask();
    await waitFor(() => server.app.websocketServer.clients.size === before, { what: 'the slow reader cut', timeoutMs: 30_000 });
    asking = false;
    await asked;

    appendParagraph(writer.doc, 'sau khi cắt');
    await waitFor(() => sectionText(watcher.doc).includes('sau khi cắt'), { what: 'the room goes on' });
  });
});
