/**
 * `GET /api/health` (CONTRACT.md, "Several instances"): 200 only while this instance can serve — its store
 * answers and, when it shares rooms through Redis, Redis answers; 503 otherwise, saying which did not, so
 * a load balancer sends people to another instance. Each check is bounded: a store that hangs makes the
 * answer 503 after the timeout, not a health check that hangs with it.
 */
import type { FastifyInstance } from 'fastify';
import type { Health } from '../../common/api/system.js';
import type { RoomRegistry } from '../collab/roomRegistry.js';
import type { Store } from '../storage/store.js';

/** Long enough for a busy store, short enough for a load balancer's check (theirs are often 5 s). */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

export interface HealthDeps {
  registry: Pick<RoomRegistry, 'size'>;
  store: Pick<Store, 'ping'>;
  /** Resolves when Redis answers (REDIS_URL); absent when this instance runs alone: reported as `off`. */
  redisPing?: () => Promise<void>;
  /** How long each check may take, in ms; {@link HEALTH_CHECK_TIMEOUT_MS} by default. */
  timeoutMs?: number;
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
}

/** Resolves when `check` does, rejects when it rejects or has not answered within `ms`. */
async function within(ms: number, check: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  try {
    // Called inside the race: a check that throws at once counts as a failure, not a crash.
    await Promise.race([Promise.resolve().then(check), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoute(app: FastifyInstance, { registry, store, redisPing, timeoutMs = HEALTH_CHECK_TIMEOUT_MS }: HealthDeps): void {
  app.get('/api/health', async (request, reply): Promise<Health> => {
    const outcome = async (what: string, check: () => Promise<void>): Promise<'ok' | 'unreachable'> => {
      try {
        await within(timeoutMs, check);
        return 'ok';
      } catch (error) {
        request.log.warn({ err: error }, `health: the ${what} did not answer`);
        return 'unreachable';
      }
    };
    const [storeState, redisState] = await Promise.all([
      outcome('store', () => store.ping()),
      redisPing ? outcome('Redis', redisPing) : Promise.resolve('off' as const),
    ]);
    const healthy = storeState === 'ok' && redisState !== 'unreachable';
    reply.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'unavailable', rooms: registry.size, store: storeState, redis: redisState };
  });
}
