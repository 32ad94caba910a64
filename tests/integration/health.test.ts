/**
 * `GET /api/health` (CONTRACT.md, "Several instances"; issue 11, item 5): 200 only while the store — and,
 * when the instance shares rooms through Redis, Redis — answers; 503 saying which did not, also when one
 * hangs, and 200 again once it answers. Each answer is the one the API description documents.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../common/api/routes.js';
import { registerHealthRoute } from '../../server/routes/health.js';
import { openSqliteStore } from '../../server/storage/sqliteStore.js';
import { createReport } from '../helpers/api.js';
import { connectClient } from '../helpers/collabClient.js';
import { faultyStore, type FaultyStore } from '../helpers/faultyStore.js';
import { listenLocally } from '../helpers/listen.js';
import { makeDataDir, startServer, type TestServer } from '../helpers/startServer.js';
import { expectDocumented, type OpenApiDocument } from './api/support.js';

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/health`);
  return { status: response.status, body: await response.json() };
}

describe('GET /api/health', () => {
  let server: TestServer;
  let dataDir: string;
  let faults: FaultyStore;
  let document: OpenApiDocument;

  beforeEach(async () => {
    dataDir = await makeDataDir();
    faults = faultyStore(openSqliteStore(join(dataDir, 'dong-soan.sqlite')));
    server = await startServer({ dataDir, store: faults.store });
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
  });
  afterEach(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 200 while the store answers, with the rooms held, Redis off when there is none', async () => {
    const report = await createReport(server.url, {}, server.adminCookie);
    const client = connectClient(server.collabUrl, `${report.id}/frame`, server.adminCookie);
    try {
      await client.synced();
      const answer = await health(server.url);
      expect(answer).toEqual({ status: 200, body: { status: 'ok', rooms: 1, store: 'ok', redis: 'off' } });
      expectDocumented(document, api.health, 200, answer.body);
    } finally {
      client.destroy();
    }
  });

  it('answers 503 while the store does not answer, and 200 again once it does', async () => {
    faults.failNext('ping');
    const down = await health(server.url);
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', rooms: 0, store: 'unreachable', redis: 'off' } });
    expectDocumented(document, api.health, 503, down.body);

    expect(await health(server.url)).toEqual({ status: 200, body: { status: 'ok', rooms: 0, store: 'ok', redis: 'off' } });
  });

  it('answers 503 when the store hangs, after its timeout rather than with it', async () => {
    const held = faults.holdNext('ping');
    const started = Date.now();
    const answer = await health(server.url);
    expect(answer).toEqual({ status: 503, body: { status: 'unavailable', rooms: 0, store: 'unreachable', redis: 'off' } });
    expect(Date.now() - started).toBeLessThan(5000);
    (await held).release();
    expect((await health(server.url)).status).toBe(200);
  });
});

describe('GET /api/health with Redis', () => {
  let app: FastifyInstance;
  let url: string;
  /** What the Redis check does next: answer, refuse, or never answer. */
  let redis: 'up' | 'down' | 'hung';

  beforeEach(async () => {
    redis = 'up';
    app = Fastify();
    const redisPing = () =>
      redis === 'up' ? Promise.resolve() : redis === 'down' ? Promise.reject(new Error('ECONNREFUSED')) : new Promise<void>(() => {});
    registerHealthRoute(app, { registry: { size: 2 }, store: { ping: () => Promise.resolve() }, redisPing, timeoutMs: 100 });
    url = await listenLocally(app);
  });
  afterEach(async () => {
    await app.close();
  });

  it('answers 200 only while Redis answers too, 503 naming it when it refuses or hangs', async () => {
    expect(await health(url)).toEqual({ status: 200, body: { status: 'ok', rooms: 2, store: 'ok', redis: 'ok' } });
    for (const state of ['down', 'hung'] as const) {
      redis = state;
      expect(await health(url), state).toEqual({ status: 503, body: { status: 'unavailable', rooms: 2, store: 'ok', redis: 'unreachable' } });
    }
    redis = 'up';
    expect((await health(url)).status).toBe(200);
  });
});
