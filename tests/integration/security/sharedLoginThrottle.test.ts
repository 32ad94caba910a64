/**
 * The login throttle shared by several instances (issue 11): two servers, each with its own connection to
 * Redis and the same key prefix, as behind a load balancer. Failures spread over both reach the limit
 * together; 40 guesses sent at once, half to each, are not all checked; and a Redis that cannot be reached
 * refuses sign-in with a clear 503 within a second or so, instead of hanging or skipping the check.
 */
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ThrottleOptions } from '../../../server/auth/loginThrottle.js';
import { createLoginThrottle } from '../../../server/auth/throttleFactory.js';
import { DEFAULT_REDIS_TIMEOUT_MS } from '../../../server/auth/redisLoginThrottle.js';
import { buildApp } from '../../../server/app.js';
import { defaultConfig } from '../../../server/config.js';
import { call } from '../../helpers/api.js';
import { redisPrefix, type RedisPrefix } from '../../helpers/redisPrefix.js';
import { ADMIN_PASSWORD, makeDataDir, startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError } from './support.js';

const limits: ThrottleOptions = {
  freeFailures: 2,
  accountLimit: 5,
  addressLimit: 1000,
  accountSpreadLimit: 100,
  windowMs: 60_000,
  baseDelayMs: 1,
  maxDelayMs: 5,
};

let redis: RedisPrefix;
let servers: TestServer[] = [];

afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
  await redis.cleanup();
});

/** Two instances sharing the throttle's counters: one prefix, a Redis connection each. */
async function twoInstances(): Promise<[TestServer, TestServer]> {
  redis = redisPrefix();
  for (let i = 0; i < 2; i++) servers.push(await startServer({ throttle: createLoginThrottle(limits, redis.connect(), redis.prefix) }));
  return [servers[0]!, servers[1]!];
}

function signIn(server: TestServer, password: string): Promise<Response> {
  return call(server.url, null, 'POST', '/api/session', { username: 'admin', password });
}

describe('a login throttle shared by two instances', () => {
  it('refuses on both once failures spread over both reach the limit, the right password too', async () => {
    const [a, b] = await twoInstances();
    for (let i = 0; i < limits.accountLimit; i++) {
      await expectError(await signIn(i % 2 === 0 ? a : b, `doan-sai-${i}`), 401, 'invalid_credentials');
    }
    for (const server of [a, b]) {
      const refused = await signIn(server, ADMIN_PASSWORD);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expectError(refused, 429, 'too_many_attempts');
    }
  });

  it('checks at most the limit of 40 wrong passwords sent at once, half to each instance', async () => {
    const [a, b] = await twoInstances();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(i % 2 === 0 ? a : b, `song-song-sai-${i}`)));
    const statuses = answers.map((answer) => answer.status);
    // Each 401 is a password that was checked; a 429 was refused before its check.
    expect(statuses.filter((status) => status === 401)).toHaveLength(limits.accountLimit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - limits.accountLimit);
  });
});

describe('a login throttle whose Redis cannot be reached', () => {
  it('answers sign-in, even with the right password, with 503 throttle_unavailable within its bound', async () => {
    redis = redisPrefix();
    const dataDir = await makeDataDir();
    const config = defaultConfig({
      dataDir,
      logLevel: 'error',
      auth: { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, seedDemo: false },
    });
    const causes: Error[] = [];
    const throttle = createLoginThrottle(limits, redis.connectUnreachable(), redis.prefix, (error) => causes.push(error));
    const app = await buildApp(config, { print: () => undefined, throttle });
    try {
      const started = Date.now();
      const answer = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: ADMIN_PASSWORD } });
      expect(Date.now() - started).toBeLessThan(DEFAULT_REDIS_TIMEOUT_MS + 2000);
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.json()).toMatchObject({ error: { code: 'throttle_unavailable' } });
      expect(causes).toHaveLength(1);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
