/**
 * Brute-forced logins (issues 3 and 8): repeated failures are slowed down, then refused with 429 and a
 * Retry-After header — per account at an address, and per address; while refused even the right password
 * is refused from that address, but not from an address that has not failed (whoever knows a username
 * cannot lock its owner out); attempts are counted before their password is checked, so parallel guesses
 * cannot all be checked; a success forgives the account at that address. A small throttle keeps the
 * tests fast: the delays are milliseconds. Each test starts its own server.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ThrottleOptions } from '../../../server/auth/loginThrottle.js';
import { call, login, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { defaultConfig } from '../../../server/config.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError } from './support.js';

const WINDOW_MS = 60_000;

/** A second loopback address: another computer, as far as the server can tell. */
const ELSEWHERE = '127.0.0.2';

function throttle(overrides: Partial<ThrottleOptions> = {}): ThrottleOptions {
  return {
    freeFailures: 2,
    accountLimit: 5,
    addressLimit: 8,
    accountSpreadLimit: 100,
    windowMs: WINDOW_MS,
    baseDelayMs: 1,
    maxDelayMs: 5,
    ...overrides,
  };
}

/** Runs `test` against a fresh server with `options` as its throttle and the seeded workspace; closes it. */
async function withServer(options: ThrottleOptions, test: (server: TestServer, ws: SeededWorkspace) => Promise<void>): Promise<void> {
  const server = await startServer({ config: { auth: { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, throttle: options } } });
  try {
    await test(server, await seedWorkspace(server));
  } finally {
    await server.close();
  }
}

function attempt(server: TestServer, username: string, password: string): Promise<Response> {
  return call(server.url, null, 'POST', '/api/session', { username, password });
}

/** The same sign-in call sent from the local address `from` (fetch cannot choose it). */
function attemptFrom(server: TestServer, from: string, username: string, password: string): Promise<Response> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${server.url}/api/session`,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
          }
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers }));
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
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

async function expectSignedIn(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/^ds_session=/);
  return setCookie.split(';')[0]!;
}

describe('brute-forced logins', () => {
  it('answers wrong passwords with 401 up to the account limit, then 429 with Retry-After — even for the right password', async () => {
    await withServer(throttle(), async (server, ws) => {
      for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.noivu.username, `doan-sai-${i}`));
      await expectTooMany(await attempt(server, ws.noivu.username, 'doan-sai-6'));
      await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
      // The username is matched without regard to case: "NOIVU" is the same account.
      await expectTooMany(await attempt(server, 'NOIVU', ws.noivu.password));
    });
  });

  it('checks at most the limit of 40 wrong passwords sent at once; the rest are refused unchecked', async () => {
    const options = throttle({ addressLimit: 1000 });
    await withServer(options, async (server, ws) => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(server, ws.noivu.username, `song-song-sai-${i}`)),
      );
      const statuses = answers.map((answer) => answer.status);
      // Each 401 is a password that was checked; a 429 was refused before its check.
      expect(statuses.filter((status) => status === 401)).toHaveLength(options.accountLimit);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40 - options.accountLimit);
      for (const answer of answers) await (answer.status === 401 ? expectWrong(answer) : expectTooMany(answer));
      await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
    });
  });

  it('lets the owner sign in from an address that has not failed while the guessing address stays locked out', async () => {
    await withServer(throttle({ addressLimit: 1000 }), async (server, ws) => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(server, ws.noivu.username, `ke-gian-${i}`)));
      await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));

      const cookie = await expectSignedIn(await attemptFrom(server, ELSEWHERE, ws.noivu.username, ws.noivu.password));
      expect((await call(server.url, cookie, 'GET', '/api/me')).status).toBe(200);
      // The owner's success does not unlock the guessing address, and the owner may still mistype.
      await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
      await expectWrong(await attemptFrom(server, ELSEWHERE, ws.noivu.username, 'go-nham'));
      await expectSignedIn(await attemptFrom(server, ELSEWHERE, ws.noivu.username, ws.noivu.password));
    });
  });

  it('keeps other accounts reachable from a guessing address until the address limit, then refuses every account from it', async () => {
    await withServer(throttle(), async (server, ws) => {
      for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.noivu.username, `doan-sai-${i}`));
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
      // Other addresses are not refused, and sessions already open stay open.
      await expectSignedIn(await attemptFrom(server, ELSEWHERE, ws.chair.username, ws.chair.password));
      expect((await call(server.url, server.adminCookie, 'GET', '/api/me')).status).toBe(200);
    });
  });

  it('after failures below the limit and a success, the same number of failures again is still 401, not 429', async () => {
    // A high address limit: this test is about the account's count only.
    await withServer(throttle({ addressLimit: 1000 }), async (server, ws) => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) await expectWrong(await attempt(server, ws.noivu.username, `vong-${round}-sai-${i}`));
        await expectSignedIn(await attempt(server, ws.noivu.username, ws.noivu.password));
      }
      // The count restarted from zero, and the limit still applies to it.
      for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.noivu.username, `cuoi-sai-${i}`));
      await expectTooMany(await attempt(server, ws.noivu.username, ws.noivu.password));
    });
  });

  it('counts each account on its own: one locked account does not lock another', async () => {
    await withServer(throttle({ addressLimit: 1000 }), async (server, ws) => {
      for (let i = 0; i < 5; i++) await expectWrong(await attempt(server, ws.vhtt.username, `sai-${i}`));
      await expectTooMany(await attempt(server, ws.vhtt.username, ws.vhtt.password));
      await expectSignedIn(await attempt(server, ws.chair.username, ws.chair.password));
      await expectWrong(await attempt(server, ws.chair.username, 'sai-mot-lan'));
      expect(await login(server.url, ws.office.username, ws.office.password)).toMatch(/^ds_session=/);
    });
  });
});
