/**
 * Security headers (issue 8, item 9) on the app's page, its files and every kind of API answer: a strict
 * Content-Security-Policy, nosniff, no framing, a referrer policy; HSTS only when served over HTTPS.
 * A stand-in client (an index.html and a script) keeps the test independent of `npm run build`; the
 * browser check of the real client under this policy is tests/e2e/csp.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config.js';
import { call } from '../../helpers/api.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../helpers/startServer.js';

/** The policy's directives, by name. */
function directives(header: string | null): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) found.set(name, values);
  }
  return found;
}

function expectSecurityHeaders(response: Response, host: string): void {
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(csp.get('connect-src')).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  // Nothing that would let in another origin's code or break plain HTTP.
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|\*|https?:/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('security headers', () => {
  let server: TestServer;
  let clientDir: string;
  let host: string;
  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'dong-soan-client-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Đồng Soạn</title><script type="module" src="/assets/app.js"></script>');
    await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log("ok");');
    server = await startServer({ config: { clientDir } });
    host = new URL(server.url).host;
  });
  afterAll(async () => {
    await server?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('are sent with the app page, at / and at a page path', async () => {
    for (const path of ['/', '/reports/abc']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expectSecurityHeaders(response, host);
    }
  });

  it("are sent with the client's files", async () => {
    const response = await fetch(`${server.url}/assets/app.js`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, host);
  });

  it('are sent with API answers: data, errors, sign-in and unknown calls', async () => {
    const answers = [
      await call(server.url, server.adminCookie, 'GET', '/api/me'),
      await call(server.url, null, 'GET', '/api/me'),
      await call(server.url, null, 'POST', '/api/session', { username: 'admin', password: ADMIN_PASSWORD }),
      await call(server.url, null, 'GET', '/api/health'),
      await call(server.url, server.adminCookie, 'GET', '/api/no-such-call'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 200, 200, 404]);
    for (const answer of answers) expectSecurityHeaders(answer, host);
  });
});

describe('security headers over HTTPS', () => {
  it('add Strict-Transport-Security when the app is served over HTTPS (COOKIE_SECURE=1)', async () => {
    const auth = defaultConfig().auth;
    const server = await startServer({
      config: { auth: { ...auth, adminPassword: ADMIN_PASSWORD, sessions: { ...auth.sessions, secureCookie: true } } },
    });
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await server.close();
    }
  });
});
