/**
 * Starting several instances (issue 11): an unreachable DATABASE_URL or REDIS_URL stops start-up with one
 * line naming the variable (never its password); three instances started at the same moment on one empty
 * database take turns migrating it, and the workspace is seeded once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../common/report.js';
import type { User } from '../../../common/account.js';
import { call, login } from '../../helpers/api.js';
import { REDIS_URL, testPrefix } from '../../helpers/instances.js';
import { createTestDatabase } from '../../helpers/postgres.js';
import { ADMIN_PASSWORD, spawnServer, type SpawnedServer } from '../../helpers/startServer.js';

describe('starting instances on PostgreSQL and Redis', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'dong-soan-instance-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  /** Runs the server expecting it to stop at start-up; returns what it printed. */
  async function refusedStart(extra: Record<string, string>): Promise<string> {
    const started = spawnServer({ DATA_DIR: await dataDir(), extra });
    const error = await started.then(
      async (server) => {
        await server.close();
        return null;
      },
      (failure: Error) => failure,
    );
    expect(error, 'the server should not have started').not.toBeNull();
    return error!.message;
  }

  it('stops with one line naming DATABASE_URL when PostgreSQL cannot be reached, without printing its password', async () => {
    const output = await refusedStart({ DATABASE_URL: 'postgres://dongsoan:mat-khau-bi-mat@127.0.0.1:1/dongsoan' });
    expect(output).toMatch(/Cannot start: DATABASE_URL: /);
    expect(output).not.toContain('mat-khau-bi-mat');
  });

  it('stops with one line naming REDIS_URL when Redis cannot be reached', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const output = await refusedStart({ DATABASE_URL: database.url, REDIS_URL: 'redis://:mat-khau-redis@127.0.0.1:1', REDIS_PREFIX: testPrefix() });
    expect(output).toMatch(/Cannot start: REDIS_URL: /);
    expect(output).not.toContain('mat-khau-redis');
  });

  it('starts three instances at once on one empty database: one migration, one admin, one demo workspace', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const prefix = testPrefix();
    const extra = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix };
    const dirs = await Promise.all([dataDir(), dataDir(), dataDir()]);
    // Each is stopped afterwards even if another failed to start.
    const started = await Promise.allSettled(dirs.map((dir) => spawnServer({ DATA_DIR: dir, DEMO: '1', extra })));
    for (const result of started) if (result.status === 'fulfilled') cleanups.push(() => result.value.close());
    const servers: SpawnedServer[] = started.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });

    const cookies = await Promise.all(servers.map((server) => login(server.url, 'admin', ADMIN_PASSWORD)));
    const users = (await (await call(servers[2]!.url, cookies[0]!, 'GET', '/api/users')).json()) as User[];
    expect(users.filter((user) => user.username === 'admin')).toHaveLength(1);
    expect(new Set(users.map((user) => user.username)).size).toBe(users.length);
    const reports = (await (await call(servers[1]!.url, cookies[2]!, 'GET', '/api/reports')).json()) as Report[];
    expect(reports).toHaveLength(1);
    // Each instance answers for the others' sessions: they share the store.
    expect((await call(servers[0]!.url, cookies[1]!, 'GET', '/api/me')).status).toBe(200);
  });
});
