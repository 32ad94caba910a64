/**
 * Behind a proxy (the province's nginx, issue 11) every person reaches the app from the proxy's address:
 * the login throttle, which counts failures per address, must count the client's address from
 * X-Forwarded-For — and only when TRUST_PROXY says a proxy is there, or anyone could pick a fresh address
 * per guess.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/config.js';
import type { ThrottleOptions } from '../../../server/auth/loginThrottle.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../helpers/startServer.js';

/** Two failures from one address, then it is refused; no delays, so the test runs at once. */
const STRICT: ThrottleOptions = {
  freeFailures: 10,
  accountLimit: 2,
  addressLimit: 2,
  accountSpreadLimit: 100,
  windowMs: 60_000,
  baseDelayMs: 0,
  maxDelayMs: 0,
};

function signIn(server: TestServer, from: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ username: 'admin', password }),
  });
}

describe('the client address behind a proxy', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  async function start(trustProxy: false | number): Promise<TestServer> {
    const auth = { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, throttle: STRICT };
    server = await startServer({ config: { trustProxy, auth } });
    return server;
  }

  it('with TRUST_PROXY=1, counts failures per forwarded address: one guesser does not lock out the others', async () => {
    await start(1);
    expect((await signIn(server, '10.0.0.1', 'sai-mat-khau-1')).status).toBe(401);
    expect((await signIn(server, '10.0.0.1', 'sai-mat-khau-2')).status).toBe(401);
    expect((await signIn(server, '10.0.0.1', ADMIN_PASSWORD)).status).toBe(429);
    expect((await signIn(server, '10.0.0.2', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('without it, ignores X-Forwarded-For: a guesser cannot claim a fresh address per guess', async () => {
    await start(false);
    expect((await signIn(server, '10.0.0.1', 'sai-mat-khau-1')).status).toBe(401);
    expect((await signIn(server, '10.0.0.2', 'sai-mat-khau-2')).status).toBe(401);
    expect((await signIn(server, '10.0.0.3', ADMIN_PASSWORD)).status).toBe(429);
  });
});
