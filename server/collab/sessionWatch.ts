/**
 * Keeps open sockets honest about their sessions (issue 8): a session that expires, ends or whose account
 * is disabled while its sockets stay open closes them with 4401, within one check interval; writing in a
 * room counts as using the session, so someone typing for hours without a REST call is not signed out.
 */
import type { RoomRegistry } from './roomRegistry.js';
import { closeConnectionsOf } from './liveAccess.js';

/** What the watch needs of the sessions (server/auth/sessions.ts). */
export interface SessionLiveness {
  /** False when the session is gone, expired, or its account (or department) disabled. */
  isLive(sessionId: string): Promise<boolean>;
  /** Counts as a use of the session (its idle time starts again). */
  markActive(sessionId: string): Promise<void>;
}

/** One pass: marks the sessions that wrote as active, then closes the connections of those that ended. */
export async function checkSessions(registry: RoomRegistry, sessions: SessionLiveness): Promise<void> {
  const active = new Map<string, boolean>();
  for (const room of registry.liveRooms('')) {
    for (const connection of room.connections) {
      const { sessionId } = connection.identity;
      active.set(sessionId, (active.get(sessionId) ?? false) || connection.wrote);
      connection.wrote = false;
    }
  }
  const ended = new Set<string>();
  for (const [sessionId, wrote] of active) {
    if (wrote) await sessions.markActive(sessionId);
    if (!(await sessions.isLive(sessionId))) ended.add(sessionId);
  }
  if (ended.size > 0) await closeConnectionsOf(registry, (identity) => ended.has(identity.sessionId), 'ended');
}

/** Runs {@link checkSessions} every `intervalMs`; a failed pass is logged. Returns the function that stops it. */
export function startSessionWatch(
  registry: RoomRegistry,
  sessions: SessionLiveness,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    checkSessions(registry, sessions)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
