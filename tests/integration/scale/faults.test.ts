/**
 * Issue 11, item 4: faults, with real processes and real services. Three instances with clients spread
 * over them, typing, one killed with SIGKILL; Redis killed and started again; PostgreSQL cut off for 10 s.
 * Through each, every word typed reaches every client and the store exactly once, and nothing is relayed
 * that was not stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Report } from '../../../common/report.js';
import { assignSection, createReport, login, seedWorkspace } from '../../helpers/api.js';
import { connectClient, type CollabClient } from '../../helpers/collabClient.js';
import { startInstances, testPrefix, REDIS_URL, type Instances } from '../../helpers/instances.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { docFromStored } from '../../../server/storage/storedDocument.js';
import type { DocumentStore } from '../../../server/storage/store.js';
import { startOwnRedis, type OwnRedis } from '../../helpers/redisServer.js';
import { appendParagraph, sectionText } from '../../helpers/sectionText.js';
import { ADMIN_PASSWORD, spawnServer, type SpawnedServer } from '../../helpers/startServer.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy.js';
import { waitFor } from '../../helpers/waitFor.js';

/** Each word once in `text`. */
function expectOnce(text: string, words: readonly string[]): void {
  for (const word of words) expect(text.split(word), word).toHaveLength(2);
}

describe('faults across instances', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loses nothing when one of three instances is killed (SIGKILL) while clients spread over them type', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const prefix = testPrefix();
    const servers: SpawnedServer[] = [];
    for (let i = 0; i < 3; i++) {
      const dataDir = await mkdtemp(join(tmpdir(), 'dong-soan-instance-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      // One after the other: the first creates the admin account.
      const server = await spawnServer({ DATA_DIR: dataDir, extra: { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix } });
      cleanups.push(() => server.close());
      servers.push(server);
    }
    const [first] = servers;
    const adminCookie = await login(first!.url, 'admin', ADMIN_PASSWORD);
    const workspace = await seedWorkspace({ url: first!.url, adminCookie, adminPassword: ADMIN_PASSWORD });
    const office = await login(first!.url, workspace.office.username, workspace.office.password);
    const report: Report = await createReport(first!.url, {}, office);
    await assignSection(first!.url, office, report.id, report.sections[0]!.id, workspace.departments.noivu.id);
    const cookie = await login(first!.url, workspace.noivu.username, workspace.noivu.password);
    const room = report.sections[0]!.room;

    // A load balancer in front of the instances: each new socket goes to the next one still alive.
    const alive = new Set(servers.map((server) => server.port));
    let turn = 0;
    class BalancedSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        const ports = [...alive];
        const port = ports[turn++ % ports.length]!;
        super(address.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`), protocols, { headers: { cookie } });
      }
    }
    const typists = Array.from({ length: 6 }, () => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(servers[0]!.collabUrl, room, doc, {
        WebSocketPolyfill: BalancedSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 250,
      });
      cleanups.push(() => {
        provider.destroy();
        doc.destroy();
      });
      return { doc, provider };
    });
    await Promise.all(typists.map(({ provider }) => new Promise<void>((resolve) => provider.once('sync', () => resolve()))));
    const lines = typists.map(({ doc }) => appendParagraph(doc, ''));
    const words: string[] = [];
    const type = async (rounds: number, from: number) => {
      for (let round = from; round < from + rounds; round++) {
        lines.forEach((line, who) => {
          const word = `w${who}-${round} `;
          words.push(word);
          line.insert(line.length, word);
        });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await type(20, 0);
    const victim = servers[1]!;
    alive.delete(victim.port);
    victim.child.kill('SIGKILL');
    await victim.exited;
    await type(20, 20);

    await waitFor(() => typists.every(({ doc }) => words.every((word) => sectionText(doc).includes(word))), {
      timeoutMs: 30_000,
      what: 'every word on every client after the kill',
    });
    const texts = typists.map(({ doc }) => sectionText(doc));
    expect(new Set(texts).size).toBe(1);
    expectOnce(texts[0]!, words);
    // And in the store, through a fresh client of a surviving instance.
    const reader = connectClient(servers[2]!.collabUrl, room, cookie);
    cleanups.push(() => reader.destroy());
    await reader.synced();
    expectOnce(sectionText(reader.doc), words);
  });

  describe('in-process instances', () => {
    let instances: Instances;
    const clients: CollabClient[] = [];
    afterEach(async () => {
      for (const client of clients.splice(0)) client.destroy();
      await instances?.close();
    });

    async function twoInstances(options: Parameters<typeof startInstances>[1]) {
      instances = await startInstances(2, options);
      const [a, b] = instances.servers;
      const workspace = await seedWorkspace(a!);
      const office = await login(a!.url, workspace.office.username, workspace.office.password);
      const report = await createReport(a!.url, {}, office);
      await assignSection(a!.url, office, report.id, report.sections[0]!.id, workspace.departments.noivu.id);
      const cookie = await login(a!.url, workspace.noivu.username, workspace.noivu.password);
      const room = report.sections[0]!.room;
      const connect = (url: string) => {
        const client = connectClient(url, room, cookie);
        clients.push(client);
        return client;
      };
      return { a: a!, b: b!, room, connect };
    }

    it('catches the rooms up from the store when Redis restarts, then relays again', async () => {
      const redis: OwnRedis = await startOwnRedis();
      cleanups.push(() => redis.close());
      const { a, b, room, connect } = await twoInstances({ redisUrl: redis.url });
      const onA = connect(a.collabUrl);
      const onB = connect(b.collabUrl);
      await Promise.all([onA.synced(), onB.synced()]);
      appendParagraph(onA.doc, 'Trước khi Redis tắt');
      await waitFor(() => sectionText(onB.doc).includes('Trước khi Redis tắt'), { what: 'relayed before' });

      await redis.kill();
      // The health check tells the load balancer; the rooms go on storing.
      const health = await fetch(`${b.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ store: 'ok', redis: 'unreachable' });
      appendParagraph(onA.doc, 'Viết qua A khi Redis tắt');
      appendParagraph(onB.doc, 'Viết qua B khi Redis tắt');
      // Stored by each instance though nothing crosses between them.
      await waitFor(async () => {
        const text = sectionText(await storedDoc(a.store, room));
        return text.includes('Viết qua A khi Redis tắt') && text.includes('Viết qua B khi Redis tắt');
      }, { what: 'both edits stored' });
      await redis.restart();

      await waitFor(() => [onA, onB].every((client) => sectionText(client.doc).includes('Viết qua A khi Redis tắt') && sectionText(client.doc).includes('Viết qua B khi Redis tắt')), {
        what: 'both edits on both clients after Redis came back',
      });
      await waitFor(async () => (await fetch(`${b.url}/api/health`)).status === 200, { what: 'healthy again' });
      appendParagraph(onB.doc, 'Sau khi Redis chạy lại');
      await waitFor(() => sectionText(onA.doc).includes('Sau khi Redis chạy lại'), { what: 'relayed again' });
      expect(sectionText(onA.doc)).toBe(sectionText(onB.doc));
      expectOnce(sectionText(onA.doc), ['Viết qua A khi Redis tắt', 'Viết qua B khi Redis tắt', 'Sau khi Redis chạy lại']);
    });

    it('relays nothing unstored while PostgreSQL is cut off for 10 s, and loses or repeats nothing when it returns', async () => {
      const proxy: TcpProxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
      cleanups.push(() => proxy.close());
      // Instance A reaches the database through the proxy the test cuts; B directly.
      const { a, b, room, connect } = await twoInstances({
        // Every refused reconnection is logged as an error; the test reads behaviour, not the log.
        config: { logLevel: 'fatal' },
        databaseUrl: (url, index) => {
          if (index !== 0) return url;
          const parsed = new URL(url);
          parsed.port = String(proxy.port);
          return parsed.toString();
        },
      });
      const writer = connect(a.collabUrl);
      const neighbour = connect(a.collabUrl);
      const observer = connect(b.collabUrl);
      await Promise.all([writer.synced(), neighbour.synced(), observer.synced()]);
      appendParagraph(writer.doc, 'Trước khi mất cơ sở dữ liệu');
      await waitFor(() => sectionText(observer.doc).includes('Trước khi mất cơ sở dữ liệu'), { what: 'relayed before the outage' });

      const closed = new Promise<number>((resolve) => writer.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
      const cutAt = Date.now();
      proxy.cut();
      appendParagraph(writer.doc, 'Viết trong lúc mất cơ sở dữ liệu');
      // A cannot store it: after its retries the room gives up and closes its sockets (1011); nothing was relayed.
      expect(await closed).toBe(1011);
      expect(sectionText(observer.doc)).not.toContain('Viết trong lúc mất cơ sở dữ liệu');
      expect(sectionText(neighbour.doc)).not.toContain('Viết trong lúc mất cơ sở dữ liệu');
      expect(sectionText(await storedDoc(b.store, room))).not.toContain('Viết trong lúc mất cơ sở dữ liệu');
      // The outage lasts 10 s (the scenario's length, not a wait for an event); the writer keeps trying.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - cutAt))));
      proxy.restore();

      await waitFor(() => sectionText(observer.doc).includes('Viết trong lúc mất cơ sở dữ liệu'), {
        timeoutMs: 30_000,
        what: 'the edit made during the outage, stored and relayed once the database is back',
      });
      appendParagraph(writer.doc, 'Sau khi có lại cơ sở dữ liệu');
      await waitFor(() => sectionText(observer.doc).includes('Sau khi có lại cơ sở dữ liệu'), { what: 'relayed after' });
      const words = ['Trước khi mất cơ sở dữ liệu', 'Viết trong lúc mất cơ sở dữ liệu', 'Sau khi có lại cơ sở dữ liệu'];
      expectOnce(sectionText(observer.doc), words);
      expectOnce(sectionText(await storedDoc(b.store, room)), words);
      expect(sectionText(writer.doc)).toBe(sectionText(observer.doc));
      await waitFor(() => sectionText(neighbour.doc) === sectionText(writer.doc), { what: 'the neighbour on A in step' });
    });
  });
});

/** A room's document as the store holds it. */
async function storedDoc(store: Pick<DocumentStore, 'loadDocument'>, room: string): Promise<Y.Doc> {
  return docFromStored(await store.loadDocument(room));
}
