/**
 * The export worker runs wherever the server does (issue 8): in this process under vitest (the other export
 * tests), in `server/main.ts` run from source through tsx, and in the compiled server `npm start` runs
 * (plain `node dist/server/main.js`, the worker compiled beside it, no tsx).
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createReport, login } from '../../helpers/api.js';
import { ADMIN_PASSWORD, makeDataDir, spawnServer } from '../../helpers/startServer.js';
import { docxParts, malformedParts, part } from './support/docxFile.js';
import { startCompiledServer } from './support/compiledServer.js';
import { downloadExport } from './support/exportServer.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await makeDataDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Creates a report on the server at `url` and checks its Word file names its subject. */
async function expectExport(url: string): Promise<void> {
  const cookie = await login(url, 'admin', ADMIN_PASSWORD);
  const report = await createReport(url, { title: 'Báo cáo xuất từ máy chủ riêng' }, cookie);
  const parts = await docxParts(await downloadExport(url, cookie, report.id));
  expect(malformedParts(parts)).toEqual([]);
  expect(part(parts, 'word/document.xml')).toContain(report.sections[0]!.title.toUpperCase());
}

describe('the export worker in each way the server runs', () => {
  it('builds a Word file in the server run from source through tsx (server/main.ts)', async () => {
    const server = await spawnServer({ DATA_DIR: await tempDir() });
    cleanups.push(() => server.close());
    await expectExport(server.url);
  });

  it('builds a Word file in the compiled server, which finds its templates and exits 0 on SIGTERM', async () => {
    const server = await startCompiledServer(await tempDir());
    cleanups.push(() => server.close());
    // From dist/server the project root is two levels up, not one: nothing may be looked for in the build.
    expect(server.output()).not.toContain('.tmp/compiled-');
    await expectExport(server.url);
    expect(await server.stop()).toBe(0);
  });
});
