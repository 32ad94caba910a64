/**
 * Open sockets follow their sessions and their peers (issue 8, item 6): a session that expires while its
 * socket is open closes that socket with 4401; a socket whose peer stopped answering pings (a half-open
 * connection) is cut, so it keeps no room loaded and no person shown as present.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../common/closeCodes.js';
import { defaultConfig } from '../../server/config.js';
import { createReport, login } from '../helpers/api.js';
import { connectClient, type CollabClient } from '../helpers/collabClient.js';
import { appendParagraph } from '../helpers/sectionText.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../helpers/startServer.js';
import { storedText } from '../helpers/storedDoc.js';
import { waitFor } from '../helpers/waitFor.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(overrides: { collab?: Partial<ReturnType<typeof defaultConfig>['collab']>; idleTimeoutMs?: number }): Promise<TestServer> {
  const base = defaultConfig();
  const server = await startServer({
    config: {
      collab: { ...base.collab, ...overrides.collab },
      auth: {
        ...base.auth,
        adminPassword: ADMIN_PASSWORD,
        sessions: { ...base.auth.sessions, ...(overrides.idleTimeoutMs ? { idleTimeoutMs: overrides.idleTimeoutMs } : {}) },
      },
    },
  });
  cleanups.push(() => server.close());
  return server;
}

function track(client: CollabClient): CollabClient {
  cleanups.push(() => client.destroy());
  return client;
}

function closeCodeOf(client: CollabClient): Promise<number> {
  return new Promise((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  );
}

describe('open sockets', () => {
  it('closes the sockets of a session that expires while they are open with 4401, and stores nothing written after', async () => {
    const server = await serve({ idleTimeoutMs: 1500, collab: { sessionCheckMs: 50 } });
    const report = await createReport(server.url, {}, server.adminCookie);
    const room = report.sections[0]!.room;
    const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    const idle = track(connectClient(server.collabUrl, room, cookie));
    await idle.synced();
    const closed = closeCodeOf(idle);

    expect(await closed).toBe(CloseCode.sessionEnded);
    appendParagraph(idle.doc, 'viết sau khi phiên đã hết hạn');
    const other = track(connectClient(server.collabUrl, room, await login(server.url, 'admin', ADMIN_PASSWORD)));
    await other.synced();
    expect(await storedText(server.store, room)).not.toContain('phiên đã hết hạn');
  });

  it('cuts a socket that stops answering pings, and keeps one that answers', async () => {
    const server = await serve({ collab: { heartbeatMs: 100 } });
    const report = await createReport(server.url, {}, server.adminCookie);
    const url = `${server.collabUrl}/${report.sections[0]!.room}`;
    const headers = { cookie: server.adminCookie };

    const silent = new WebSocket(url, { headers, autoPong: false });
    const alive = new WebSocket(url, { headers });
    cleanups.push(() => {
      silent.terminate();
      alive.terminate();
    });
    let pingsToAlive = 0;
    alive.on('ping', () => pingsToAlive++);
    const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    await Promise.all([new Promise((resolve) => silent.once('open', resolve)), new Promise((resolve) => alive.once('open', resolve))]);

    // Cut without a closing handshake (1006 on this side): its peer is presumed gone.
    expect(await silentClosed).toBe(1006);
    await waitFor(() => pingsToAlive >= 4, { what: 'several heartbeats' });
    expect(alive.readyState).toBe(WebSocket.OPEN);
  });
});
