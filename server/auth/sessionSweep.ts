/**
 * Deletes expired sessions from the store now and then (issue 8: they were never deleted). The timer is
 * unref'd, so it never keeps the process alive; buildApp starts it and stops it when the app closes.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Sessions } from './sessions.js';

export const DEFAULT_SWEEP_EVERY_MS = 10 * 60_000;

/** Sweeps once now and then every `everyMs`; returns the function that stops it. */
export function startSessionSweep(sessions: Sessions, everyMs: number, log: FastifyBaseLogger): () => void {
  let running = false;
  let stopped = false;
  const sweep = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const deleted = await sessions.deleteExpired();
      if (deleted > 0) log.info({ deleted }, 'expired sessions deleted');
    } catch (error) {
      log.error({ err: error }, 'deleting expired sessions failed; trying again at the next sweep');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  void sweep();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
