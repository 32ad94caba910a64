/**
 * The services behind several instances (issue 11), as the bench uses them: a PostgreSQL database of its
 * own on the machine's server (created, then dropped `WITH (FORCE)`), a Redis key and channel prefix of its
 * own on the machine's Redis, and the CPU each spends on the bench's work.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { processCpuSeconds } from './machine.js';
import type { CpuMeter } from './typingPhase.js';

/** The machine's PostgreSQL (trust auth); BENCH_PG_ADMIN_URL overrides. */
const PG_ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** How often the backends of a bench database are read while metered, in ms. */
const BACKEND_POLL_MS = 250;
/** The machine's Redis; BENCH_REDIS_URL overrides. */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchDatabase {
  /** postgres://… of the new, empty database. */
  url: string;
  name: string;
  /**
   * CPU of the PostgreSQL backends serving this database, read from /proc (PostgreSQL must run on this
   * machine). They are polled every {@link BACKEND_POLL_MS} while metered, since a backend that ends (a
   * pool's idle connection closed) takes its /proc times with it: only its last moments are missed.
   */
  backendsCpu: CpuMeter;
  /** Backends of this database that started and ended while metered, all meterings together: connection churn. */
  backendChurn(): { started: number; ended: number };
  /** Drops the database, ending whatever is still connected to it, and closes the admin connection. */
  drop(): Promise<void>;
}

/** Creates `dong_soan_bench_<random>` on the machine's PostgreSQL. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const name = `dong_soan_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const churn = { started: 0, ended: 0 };
  const backends = async (): Promise<Map<number, number>> => {
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    const times = await Promise.all(rows.map(async ({ pid }) => [pid, await cpuOrNull(pid)] as const));
    return new Map(times.filter((entry): entry is readonly [number, number] => entry[1] !== null));
  };
  let dropped = false;
  return {
    url: url.toString(),
    name,
    backendsCpu: async () => {
      const start = await backends();
      const last = new Map(start);
      const poll = async () => {
        for (const [pid, cpu] of await backends()) last.set(pid, cpu);
      };
      let polling = Promise.resolve();
      const timer = setInterval(() => {
        polling = polling.then(poll).catch(() => {});
      }, BACKEND_POLL_MS);
      return async () => {
        clearInterval(timer);
        await polling;
        const end = await backends();
        for (const [pid, cpu] of end) last.set(pid, cpu);
        let seconds = 0;
        for (const [pid, cpu] of last) {
          seconds += cpu - (start.get(pid) ?? 0);
          if (!start.has(pid)) churn.started += 1;
          if (!end.has(pid)) churn.ended += 1;
        }
        return seconds;
      };
    },
    backendChurn: () => ({ ...churn }),
    async drop() {
      if (dropped) return;
      dropped = true;
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export interface BenchRedis {
  url: string;
  /** `dong-soan-bench-<random>`: the instances' REDIS_PREFIX. */
  prefix: string;
  /** CPU of the Redis server (its `used_cpu_user + used_cpu_sys`): shared with whatever else uses it. */
  serverCpu: CpuMeter;
  /** Deletes the keys under the prefix and closes the connection. */
  cleanup(): Promise<void>;
}

/** A prefix of its own on the machine's Redis, which other runs share. */
export async function openBenchRedis(): Promise<BenchRedis> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const prefix = `dong-soan-bench-${randomBytes(6).toString('hex')}`;
  const cpuSeconds = async () => {
    const info = await redis.info('cpu');
    const field = (key: string) => Number(new RegExp(`^${key}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return field('used_cpu_user') + field('used_cpu_sys');
  };
  let cleaned = false;
  return {
    url: REDIS_URL,
    prefix,
    serverCpu: async () => {
      const start = await cpuSeconds();
      return async () => (await cpuSeconds()) - start;
    },
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      try {
        const keys: string[] = [];
        for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 1000 })) keys.push(...(batch as string[]));
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        await redis.quit().catch(() => redis.disconnect());
      }
    },
  };
}

/** A process's CPU seconds, or null when it is gone (a backend that ended between the query and the read). */
const cpuOrNull = (pid: number): Promise<number | null> => processCpuSeconds(pid).catch(() => null);
