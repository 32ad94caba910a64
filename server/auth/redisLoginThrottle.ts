/**
 * The login throttle (loginThrottle.ts) kept in Redis, so that every instance behind the load balancer
 * counts every attempt (issue 11): a guesser who spreads attempts over the instances meets one limit.
 *
 * Each counter is a hash `{ failures, resetAt }` under `prefix` + `pair:`/`address:`/`account:` + its
 * name, expiring (PEXPIRE) with its window, which every counted failure restarts. One Lua script checks
 * the three counters and counts the attempt: Redis runs it whole, so parallel attempts on different
 * instances see each other's counts (issue 8), as the in-memory throttle's synchronous step does.
 *
 * Time is the instances' clock (`now`, passed into the scripts), not Redis's TIME: the in-memory throttle
 * and this one then pass the same contract tests, with a clock the tests move. Instances' clocks are kept
 * by NTP; a skew of a second moves a 15-minute window by a second. PEXPIRE only removes counters after
 * their window (Redis's own clock); whether a counter still counts is decided by `resetAt` against `now`.
 *
 * When Redis cannot answer within `timeoutMs` (down, restarting, unreachable), sign-in fails closed: the
 * attempt is refused with 503 `throttle_unavailable`, its password never checked. A guard that silently
 * disappears during an outage would invite exactly the guessing it exists to stop; a sign-in that waits
 * on a dead connection would hang. The bound is this throttle's own, whatever the connection's options.
 */
import type { Redis } from 'ioredis';
import { throttleUnavailable } from '../errors.js';
import {
  counterKeys,
  DEFAULT_THROTTLE,
  delayFor,
  refusalUntil,
  type LoginThrottle,
  type ThrottleOptions,
  type ThrottleVerdict,
} from './loginThrottle.js';

export interface RedisThrottleSettings {
  /** The connection; shared with other uses, and closed by whoever opened it, never by the throttle. */
  redis: Redis;
  /**
   * Put before every key. Instances that share counters share it; tests use one per test. Under Redis
   * Cluster give it a hash tag (`{throttle}:`): one script touches an attempt's three keys.
   */
  prefix: string;
  limits?: ThrottleOptions;
  /** The clock, in ms since the epoch; tests move it. */
  now?: () => number;
  /** How long a sign-in waits for Redis before it is refused with 503; default {@link DEFAULT_REDIS_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Told why Redis could not be asked, to log it: the 503 alone would hide an outage. */
  onUnavailable?: (error: Error) => void;
}

/** Redis answers in well under a millisecond; a second means it is not going to. */
export const DEFAULT_REDIS_TIMEOUT_MS = 1000;

/** A counter's failures, and when its window ends; an expired or absent counter counts none. */
const CURRENT = `
local now = tonumber(ARGV[1])
local function current(key)
  local fields = redis.call('HMGET', key, 'failures', 'resetAt')
  local failures, resetAt = tonumber(fields[1]), tonumber(fields[2])
  if failures == nil or resetAt == nil or resetAt <= now or failures <= 0 then return 0, 0 end
  return failures, resetAt
end
`;

/**
 * KEYS: pair, address, account. ARGV: now, windowMs, accountLimit, addressLimit, accountSpreadLimit.
 * Returns {0, resetAt} for a refusal (not counted), {1, failures} for an attempt allowed and counted,
 * `failures` being the larger of the pair's and the address's before it (what the delay follows).
 */
const BEGIN = `${CURRENT}
local window = tonumber(ARGV[2])
local limits = { tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]) }
local counts, resets = {}, {}
for i = 1, 3 do counts[i], resets[i] = current(KEYS[i]) end
local blockedUntil = nil
for i = 1, 3 do
  -- Only addresses that already failed at the account are held back by the spread limit (i = 3).
  local applies = i < 3 or counts[1] > 0
  if applies and counts[i] > 0 and counts[i] >= limits[i] then
    if blockedUntil == nil or resets[i] > blockedUntil then blockedUntil = resets[i] end
  end
end
if blockedUntil ~= nil then return { 0, blockedUntil } end
local resetAt = string.format('%.0f', now + window)
for i = 1, 3 do
  redis.call('HSET', KEYS[i], 'failures', counts[i] + 1, 'resetAt', resetAt)
  redis.call('PEXPIRE', KEYS[i], window)
end
return { 1, math.max(counts[1], counts[2]) }
`;

/** KEYS: pair, address, account. ARGV: now. Forgives the pair; gives one attempt back to the others. */
const SUCCEEDED = `${CURRENT}
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if current(KEYS[i]) > 1 then redis.call('HINCRBY', KEYS[i], 'failures', -1) else redis.call('DEL', KEYS[i]) end
end
return 1
`;

/** The scripts, as `defineCommand` adds them to the connection (EVALSHA, falling back to EVAL). */
interface ThrottleScripts {
  loginThrottleBegin(...keysThenArgs: (string | number)[]): Promise<[number, number]>;
  loginThrottleSucceeded(...keysThenArgs: (string | number)[]): Promise<number>;
}

export class RedisLoginThrottle implements LoginThrottle {
  private readonly redis: Redis & ThrottleScripts;
  private readonly prefix: string;
  private readonly limits: ThrottleOptions;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly onUnavailable: (error: Error) => void;

  constructor(settings: RedisThrottleSettings) {
    if (settings.prefix === '') throw new Error('RedisLoginThrottle: a key prefix is required');
    settings.redis.defineCommand('loginThrottleBegin', { numberOfKeys: 3, lua: BEGIN });
    settings.redis.defineCommand('loginThrottleSucceeded', { numberOfKeys: 3, lua: SUCCEEDED });
    this.redis = settings.redis as Redis & ThrottleScripts;
    this.prefix = settings.prefix;
    this.limits = settings.limits ?? DEFAULT_THROTTLE;
    this.now = settings.now ?? Date.now;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
    this.onUnavailable = settings.onUnavailable ?? (() => {});
  }

  async begin(username: string, address: string): Promise<ThrottleVerdict> {
    const now = this.now();
    const { windowMs, accountLimit, addressLimit, accountSpreadLimit } = this.limits;
    const [allowed, value] = await this.ask(() =>
      this.redis.loginThrottleBegin(...this.keysOf(username, address), now, windowMs, accountLimit, addressLimit, accountSpreadLimit),
    );
    return allowed === 1 ? { kind: 'allow', delayMs: delayFor(value, this.limits) } : refusalUntil(value, now);
  }

  /** Also fails closed: the sign-in is refused with 503 and its attempt stays counted until its window ends. */
  async succeeded(username: string, address: string): Promise<void> {
    const now = this.now();
    await this.ask(() => this.redis.loginThrottleSucceeded(...this.keysOf(username, address), now));
  }

  private keysOf(username: string, address: string): [string, string, string] {
    const keys = counterKeys(username, address);
    return [`${this.prefix}pair:${keys.pair}`, `${this.prefix}address:${keys.address}`, `${this.prefix}account:${keys.account}`];
  }

  /**
   * Runs a script within `timeoutMs`, or throws 503 `throttle_unavailable`. A script that was queued and
   * runs after the deadline counts an attempt that was never checked: a stricter throttle, not a weaker one.
   */
  private async ask<T>(script: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([script(), deadline]);
    } catch (error) {
      this.onUnavailable(error instanceof Error ? error : new Error(String(error)));
      throw throttleUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }
}
