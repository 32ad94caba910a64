/**
 * Which login throttle an instance uses: in memory when it runs alone, in Redis when it is one of several
 * (REDIS_URL, issue 11) — a guesser's attempts must meet one limit whichever instance they reach.
 */
import type { Redis } from 'ioredis';
import type { LoginThrottle, ThrottleOptions } from './loginThrottle.js';
import { MemoryLoginThrottle } from './memoryLoginThrottle.js';
import { RedisLoginThrottle } from './redisLoginThrottle.js';

/** The key prefix of the counters when none is given: instances that share a Redis share these. */
export const DEFAULT_THROTTLE_PREFIX = 'dong-soan:login-throttle:';

/**
 * A throttle with `options` as its limits: shared through `redis` when one is given (the caller keeps and
 * closes the connection), else this process's own. `onUnavailable` is told why Redis could not be asked,
 * each time a sign-in is refused with 503 for it, so that it can be logged.
 */
export function createLoginThrottle(
  options: ThrottleOptions,
  redis?: Redis,
  prefix: string = DEFAULT_THROTTLE_PREFIX,
  onUnavailable?: (error: Error) => void,
): LoginThrottle {
  if (!redis) return new MemoryLoginThrottle(options);
  return new RedisLoginThrottle({ redis, prefix, limits: options, onUnavailable });
}
