/**
 * A key prefix of its own on the machine's Redis (127.0.0.1:6379; REDIS_TEST_URL overrides) for one test:
 * that Redis is shared with other runs, so a test keeps to its prefix. `cleanup` deletes the keys under it
 * and closes every connection opened through the object, the unreachable ones too.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

export interface RedisPrefix {
  /** `dong-soan-test:<random>:` */
  prefix: string;
  /** A new connection to the test Redis. */
  connect(): Redis;
  /**
   * A connection to a port nothing listens on (127.0.0.1:1): Redis "down". It keeps trying to connect,
   * silently, until cleanup.
   */
  connectUnreachable(): Redis;
  /** The keys under the prefix. */
  keys(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export function redisPrefix(): RedisPrefix {
  const prefix = `dong-soan-test:${randomBytes(6).toString('hex')}:`;
  const connections: Redis[] = [];
  let cleaned = false;
  const track = (redis: Redis) => {
    connections.push(redis);
    return redis;
  };
  const admin = track(new Redis(URL));
  const keys = async () => {
    const found: string[] = [];
    for await (const batch of admin.scanStream({ match: `${prefix}*`, count: 1000 })) found.push(...(batch as string[]));
    return found;
  };
  return {
    prefix,
    connect: () => track(new Redis(URL)),
    connectUnreachable() {
      const redis = track(new Redis({ host: '127.0.0.1', port: 1 }));
      // Refused connections are the point; without a listener ioredis prints each one.
      redis.on('error', () => {});
      return redis;
    },
    keys,
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      const left = await keys();
      if (left.length > 0) await admin.del(...left);
      for (const redis of connections) {
        if (redis.status === 'ready') await redis.quit();
        else redis.disconnect();
      }
    },
  };
}
