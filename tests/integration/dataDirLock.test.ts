/**
 * One instance per SQLite data directory (issue 11): a second process started on a DATA_DIR in use stops
 * with a message saying so, and the first goes on serving; the lock dies with its process, so after a
 * SIGKILL the directory can be used at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, spawnServer, type SpawnedServer } from '../helpers/startServer.js';

describe('the data directory lock', { timeout: 60_000 }, () => {
  const started: SpawnedServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
  });

  it('refuses a second instance on the same DATA_DIR with a clear message, and frees it when the first dies', async () => {
    const dataDir = await makeDataDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    started.push(first);

    const second = spawnServer({ DATA_DIR: dataDir });
    await expect(second).rejects.toThrow(/DATA_DIR .* is in use by another running Đồng Soạn instance/);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;
    const third = await spawnServer({ DATA_DIR: dataDir });
    started.push(third);
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
  });

  it('lets instances on different data directories run side by side', async () => {
    const [one, two] = await Promise.all([spawnServer({ DATA_DIR: await makeDataDir() }), spawnServer({ DATA_DIR: await makeDataDir() })]);
    started.push(one, two);
    expect((await fetch(`${one.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${two.url}/api/health`)).status).toBe(200);
  });
});
