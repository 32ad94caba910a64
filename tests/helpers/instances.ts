/**
 * Several instances of the server in this process, as a deployment runs them (issue 11): each with its own
 * PostgreSQL pool on one test database and its own Redis connections on one channel prefix. The first
 * starts alone (it creates the admin account); the others join it. `close` stops them all and drops the
 * database.
 */
import { randomBytes } from 'node:crypto';
import { openPostgresStore } from '../../server/storage/postgresStore.js';
import { openRedisBus } from '../../server/scale/redisBus.js';
import type { RoomBus } from '../../server/scale/roomBus.js';
import { defaultConfig } from '../../server/config.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startServer, type StartOptions, type TestServer } from './startServer.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Instances {
  servers: TestServer[];
  database: TestDatabase;
  /** The Redis channel prefix these instances share. */
  prefix: string;
  /** Starts one more instance on the same database and prefix. */
  add(options?: StartOptions): Promise<TestServer>;
  close(): Promise<void>;
}

/** A prefix of its own for a test: Redis pub/sub ignores database numbers, and other runs share the server. */
export function testPrefix(): string {
  return `dong-soan-test-${randomBytes(6).toString('hex')}`;
}

export interface InstanceOptions extends StartOptions {
  /** Puts something between an instance and Redis (a test that loses messages). */
  wrapBus?: (bus: RoomBus, index: number) => RoomBus;
  /** Another Redis than the machine's (one the test can restart). */
  redisUrl?: string;
  /** The URL an instance reaches the test database at (through a proxy the test can cut); by default its own. */
  databaseUrl?: (url: string, index: number) => string;
}

export async function startInstances(count: number, options: InstanceOptions = {}): Promise<Instances> {
  const database = await createTestDatabase();
  const prefix = testPrefix();
  const servers: TestServer[] = [];
  const buses: RoomBus[] = [];
  const logger = { warn: () => {} };
  const add = async (extra: StartOptions = {}) => {
    const store = await openPostgresStore(options.databaseUrl?.(database.url, servers.length) ?? database.url);
    const opened = await openRedisBus({ url: options.redisUrl ?? REDIS_URL, prefix, logger });
    buses.push(opened);
    const bus = options.wrapBus ? options.wrapBus(opened, servers.length) : opened;
    // The rooms' periodic check against the store is pushed out of a test's reach unless it asks for it:
    // what crosses between instances must cross through the bus.
    const scale = { ...defaultConfig().scale, verifyEveryMs: 600_000, ...options.config?.scale, ...extra.config?.scale };
    const server = await startServer({ ...options, ...extra, store, bus, config: { ...options.config, ...extra.config, scale } });
    servers.push(server);
    return server;
  };
  try {
    for (let i = 0; i < count; i++) await add();
  } catch (error) {
    for (const server of servers) await server.close().catch(() => {});
    for (const bus of buses) await bus.close().catch(() => {});
    await database.drop();
    throw error;
  }
  return {
    servers,
    database,
    prefix,
    add,
    async close() {
      for (const server of servers) await server.close().catch(() => {});
      for (const bus of buses) await bus.close().catch(() => {});
      await database.drop();
    },
  };
}
