/**
 * Brute-forced logins (issue 3): repeated failures are slowed down, then refused with 429 and a
 * Retry-After header, per account and per address; while refused even the right password is refused; a
 * success clears the account's count. A small throttle keeps the test fast: the delays are milliseconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThrottleOptions } from '../../../server/auth/loginThrottle.js';
import { call, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { defaultConfig } from '../../../server/config.js';
import { ADMIN_PASSWORD, startServer, type StartOptions, type TestServer } from '../../helpers/startServer.js';
import { expectError } from './support.js';

const WINDOW_MS = 60_000;

function throttle(overrides: Partial<ThrottleOptions> = {}): ThrottleOptions {
  return { freeFailures: 2, accountLimit: 5, addressLimit: 8, windowMs: WINDOW_MS, baseDelayMs: 1, maxDelayMs: 5, ...overrides };
}

function withThrottle(options: ThrottleOptions): StartOptions {
  return { config: { auth: { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, throttle: options } } };
}

function attempt(server: TestServer, username: string, password: string): Promise<Response> {
  return call(server.url, null, 'POST', '/api/session', { username, password });
}

/** Expects a 401 wrong-credentials answer without a cookie. */
async function expectWrong(response: Response): Promise<void> {
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(response.headers.get('retry-after')).toBeNull();
  await expectError(response, 401, 'invalid_credentials');
}

/** Expects a 429 with a Retry-After within the throttle's window, and no cookie. */
async function expectTooMany(response: Response): Promise<void> {
  expect(response.headers.get('set-cookie')).toBeNull();
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(WINDOW_MS / 1000);
  const error = await expectError(response, 429, 'too_many_attempts');
  expect(error.message).toContain(String(retryAfter));
}

async function expectSignedIn(response: Response): Promise<void> {
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('set-cookie')).toMatch(/^ds_session=/);
}

describe('brute-forced logins: per account, then per address', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    server = await startServer(withThrottle(throttle()));
    ws = await seedWorkspace(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers wrong passwords with 401 up to the account limit, then 429 with Retry-After — even for the right password', async () => {
    // Failures 1–5 of noivu (address: 1–5).
    for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.noivu.username, `doan-sai-${i}`));
    await expectTooMany(await attempt(server, ws.noivu.username, 'doan-sai-6'));
    await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
    // The username is matched without regard to case: "NOIVU" is the same account.
    await expectTooMany(await attempt(server, 'NOIVU', ws.noivu.password));
  });

  // Runs after the test above, on the same throttle: the address has 5 failures (refused attempts add none).
  it('keeps other accounts reachable from that address until the address limit, then refuses every account', async () => {
    // The right password of another account still works, and a success does not clear the address's count.
    await expectSignedIn(await attempt(server, ws.vhtt.username, ws.vhtt.password));
    // Failures 6–8 of the address, on accounts below their own limit (one an unknown username).
    await expectWrong(await attempt(server, ws.vhtt.username, 'doan-sai-a'));
    await expectWrong(await attempt(server, 'khongtontai', 'doan-sai-b'));
    await expectWrong(await attempt(server, ws.chair.username, 'doan-sai-c'));
    // The address has 8 failures: any account from it is refused, with the right password too.
    await expectTooMany(await attempt(server, ws.chair.username, ws.chair.password));
    await expectTooMany(await attempt(server, ws.office.username, ws.office.password));
    await expectTooMany(await attempt(server, 'admin', server.adminPassword));
    await expectTooMany(await attempt(server, 'khongtontai-nua', 'gi-cung-duoc'));
  });

  it('leaves existing sessions alone: a throttled address does not sign anyone out', async () => {
    const me = await call(server.url, server.adminCookie, 'GET', '/api/me');
    expect(me.status).toBe(200);
  });
});

describe('brute-forced logins: a success resets the account', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeAll(async () => {
    // A high address limit: this part is about the account's count only.
    server = await startServer(withThrottle(throttle({ addressLimit: 1000 })));
    ws = await seedWorkspace(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('after failures below the limit and a success, the same number of failures again is still 401, not 429', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await expectWrong(await attempt(server, ws.noivu.username, `vong-${round}-sai-${i}`));
      await expectSignedIn(await attempt(server, ws.noivu.username, ws.noivu.password));
    }
    // The count restarted from zero, and the limit still applies to it.
    for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.noivu.username, `cuoi-sai-${i}`));
    await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
  });

  it('counts each account on its own: one locked account does not lock another', async () => {
    for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.vhtt.username, `sai-${i}`));
    await expectTooMany(await attempt(server, ws.vhtt.username, ws.vhtt.password));
    await expectSignedIn(await attempt(server, ws.chair.username, ws.chair.password));
    await expectWrong(await attempt(server, ws.chair.username, 'sai-mot-lan'));
  });
});
