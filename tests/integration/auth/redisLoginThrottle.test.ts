/**
 * The login throttle in Redis (issue 11): the same contract as in memory, on the machine's Redis, each test
 * under a key prefix of its own; then what only a shared throttle can show — two connections (two
 * instances) counting into one set of counters atomically, keys that expire with their window, and a
 * Redis that cannot be reached refusing sign-in (503) within a bound instead of hanging or letting it by.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ThrottleVerdict } from '../../../server/auth/loginThrottle.js';
import { RedisLoginThrottle, type RedisThrottleSettings } from '../../../server/auth/redisLoginThrottle.js';
import { AppError } from '../../../server/errors.js';
import { redisPrefix, type RedisPrefix } from '../../helpers/redisPrefix.js';
import { contractLimits, describeThrottleContract, fail } from '../../unit/server/auth/loginThrottleContract.js';

describeThrottleContract('in Redis', async (limits, now) => {
  const redis = redisPrefix();
  return {
    throttle: new RedisLoginThrottle({ redis: redis.connect(), prefix: redis.prefix, limits, now }),
    cleanup: () => redis.cleanup(),
  };
});

const allowed = (verdicts: ThrottleVerdict[]) => verdicts.filter((verdict) => verdict.kind === 'allow').length;

describe('RedisLoginThrottle', () => {
  let redis: RedisPrefix;
  afterEach(async () => {
    await redis.cleanup();
  });

  /** A throttle on a connection of its own: another instance, as far as Redis can tell. */
  function instance(settings: Partial<RedisThrottleSettings> = {}): RedisLoginThrottle {
    return new RedisLoginThrottle({ redis: redis.connect(), prefix: redis.prefix, limits: contractLimits, ...settings });
  }

  it('counts 40 attempts begun together on two instances, 20 on each, as one: only the limit is allowed', async () => {
    redis = redisPrefix();
    const [a, b] = [instance(), instance()];
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).begin('noivu', '10.0.0.1')));
    expect(allowed(verdicts)).toBe(contractLimits.accountLimit);
  });

  it('refuses on one instance the account that failed on the other, and forgives it on both after a success', async () => {
    redis = redisPrefix();
    const [a, b] = [instance(), instance()];
    await fail(a, 'noivu', '10.0.0.1', 3);
    await fail(b, 'NoiVu', '10.0.0.1', 2);
    expect(await a.begin('noivu', '10.0.0.1')).toEqual({ kind: 'refuse', retryAfterSeconds: 60 });
    expect((await b.begin('noivu', '10.0.0.1')).kind).toBe('refuse');
    // From an address that has not failed, the owner signs in through either; the pair there is forgiven.
    expect(await b.begin('noivu', '10.0.0.2')).toEqual({ kind: 'allow', delayMs: 0 });
    await a.succeeded('noivu', '10.0.0.2');
    expect(allowed(await fail(a, 'noivu', '10.0.0.2', 5))).toBe(5);
  });

  it('keeps its counters under its prefix only, each expiring with its window, which every failure restarts', async () => {
    redis = redisPrefix();
    const other = redisPrefix();
    try {
      const throttle = instance();
      const elsewhere = new RedisLoginThrottle({ redis: other.connect(), prefix: other.prefix, limits: contractLimits });
      await throttle.begin('noivu', '10.0.0.1');
      const keys = (await redis.keys()).sort();
      expect(keys).toEqual(
        [`${redis.prefix}account:noivu`, `${redis.prefix}address:10.0.0.1`, `${redis.prefix}pair:10.0.0.1\u0000noivu`].sort(),
      );
      const admin = redis.connect();
      for (const key of keys) {
        const ttl = await admin.pttl(key);
        expect(ttl).toBeGreaterThan(contractLimits.windowMs - 5000);
        expect(ttl).toBeLessThanOrEqual(contractLimits.windowMs);
        // As if most of the window had passed; the next failure restarts it.
        await admin.pexpire(key, 1000);
      }
      await throttle.begin('noivu', '10.0.0.1');
      for (const key of keys) expect(await admin.pttl(key)).toBeGreaterThan(contractLimits.windowMs - 5000);
      // Another prefix is another set of counters: its first attempt is not slowed by these.
      await fail(throttle, 'noivu', '10.0.0.1', 3);
      expect(await elsewhere.begin('noivu', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 0 });
    } finally {
      await other.cleanup();
    }
  });

  it('leaves no key behind when the only attempt succeeds', async () => {
    redis = redisPrefix();
    const throttle = instance();
    await throttle.begin('noivu', '10.0.0.1');
    await throttle.succeeded('noivu', '10.0.0.1');
    expect(await redis.keys()).toEqual([]);
  });

  it('refuses with 503 throttle_unavailable within its bound when Redis cannot be reached, and says why', async () => {
    redis = redisPrefix();
    const causes: Error[] = [];
    const throttle = instance({ redis: redis.connectUnreachable(), timeoutMs: 200, onUnavailable: (error) => causes.push(error) });
    const started = Date.now();
    const failure = await throttle.begin('noivu', '10.0.0.1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ status: 503, code: 'throttle_unavailable' });
    await expect(throttle.succeeded('noivu', '10.0.0.1')).rejects.toMatchObject({ status: 503, code: 'throttle_unavailable' });
    expect(causes.map((cause) => cause.message)).toEqual([expect.stringContaining('200 ms'), expect.stringContaining('200 ms')]);
  });

  it('refuses at once, without waiting out its bound, when the connection is closed', async () => {
    redis = redisPrefix();
    const connection = redis.connect();
    const throttle = instance({ redis: connection, timeoutMs: 10_000 });
    await throttle.begin('noivu', '10.0.0.1');
    connection.disconnect();
    const started = Date.now();
    await expect(throttle.begin('noivu', '10.0.0.1')).rejects.toMatchObject({ status: 503, code: 'throttle_unavailable' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
