/**
 * What the router itself refuses (Fastify's `frameworkErrors`, server/errors.ts), on the real app: in the
 * API's error shape, not the router's bare reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/startServer.js';

describe('the router’s own refusals', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 404 not_found for a path segment longer than any id, without repeating it whole', async () => {
    const long = 'x'.repeat(5000);
    const response = await fetch(`${server.url}/api/reports/${long}`, { headers: { cookie: server.adminCookie } });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message.length).toBeLessThan(200);
  });

  it('answers 400 bad_request for an address that cannot be decoded', async () => {
    const response = await fetch(`${server.url}/api/reports/%E0%A4%A`, { headers: { cookie: server.adminCookie } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad_request', message: 'the address cannot be read' } });
  });
});
