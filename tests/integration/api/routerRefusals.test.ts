/**
 * What the router itself refuses, or hands to a wildcard (server/errors.ts `frameworkError`, the `/api/*`
 * not-found route in app.ts), on the real app: in the API's error shape, with and without a built client
 * (whose static files' wildcard catches whatever no other route matches).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/startServer.js';

describe.each([
  { name: 'with the client built', noClient: false },
  { name: 'without a built client', noClient: true },
])('the router’s own refusals, $name', ({ noClient }) => {
  let server: TestServer;
  let emptyDir: string | null = null;
  beforeAll(async () => {
    emptyDir = noClient ? await mkdtemp(join(tmpdir(), 'no-client-')) : null;
    server = await startServer(emptyDir ? { config: { clientDir: emptyDir } } : {});
  });
  afterAll(async () => {
    await server.close();
    if (emptyDir) await rm(emptyDir, { recursive: true, force: true });
  });

  it('answers 404 not_found for an id longer than any (the router’s maxParamLength), without repeating it whole', async () => {
    for (const length of [200, 5000]) {
      const response = await fetch(`${server.url}/api/reports/${'x'.repeat(length)}`, { headers: { cookie: server.adminCookie } });
      expect(response.status, `${length} characters`).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_found');
      expect(body.error.message.length).toBeLessThan(300);
    }
  });

  it('answers 400 bad_request for an address that cannot be decoded', async () => {
    const response = await fetch(`${server.url}/api/reports/%E0%A4%A`, { headers: { cookie: server.adminCookie } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request', message: 'the address cannot be read' } });
  });
});
