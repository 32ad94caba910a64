/**
 * Server-side sessions behind an httpOnly cookie. The cookie holds a random token; the store holds only
 * its SHA-256, so a copy of the database cannot be used to sign in. A session ends at logout, after
 * `idleTimeoutMs` without activity (a request, or typing in a room: {@link Sessions.markActive}), after
 * `absoluteTimeoutMs` in any case, or when its account is disabled or its password reset; it stops
 * working while its account may not act (common/access.ts, `isAccountActive`). Expired sessions are
 * deleted from the store by a periodic sweep (sessionSweep.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { departmentOf, isActive } from '../accounts/standing.js';
import type { DepartmentRecord, SessionRecord, Store, UserRecord } from '../storage/store.js';
import { cookieOf, sessionCookieOptions, type OutgoingCookie } from './cookies.js';
import type { Authenticator, Identity } from './identity.js';

export const SESSION_COOKIE = 'ds_session';

export interface SessionOptions {
  /** A session unused for this long ends, in ms. */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in whatever happens, in ms. */
  absoluteTimeoutMs: number;
  /** Mark the cookie Secure (serve over HTTPS). */
  secureCookie: boolean;
  /** How often expired sessions are deleted from the store, in ms; by default every 10 minutes. */
  sweepEveryMs?: number;
}

/** Last-seen times are written at most this often, so every request or message is not a database write. */
const TOUCH_EVERY_MS = 60_000;

/** Tokens are 43 characters; anything much longer is not ours and is not hashed. */
const MAX_TOKEN_LENGTH = 100;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A session that works now, with the account and department behind it. */
interface LiveSession {
  session: SessionRecord;
  user: UserRecord;
  department: DepartmentRecord | null;
}

export class Sessions {
  /** When {@link markActive} last looked at each session: it reads the store at most once a minute. */
  private readonly marked = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly options: SessionOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the cookie carrying its token. */
  async start(userId: string): Promise<OutgoingCookie> {
    const token = randomBytes(32).toString('base64url');
    const at = new Date(this.now()).toISOString();
    await this.store.createSession({ id: hashToken(token), userId, createdAt: at, lastSeenAt: at });
    return { name: SESSION_COOKIE, value: token, options: sessionCookieOptions(this.options.secureCookie) };
  }

  /**
   * Ends the request's session, if any; returns the cookie that clears the browser's and the id of the
   * session that ended (null when there was none).
   */
  async end(request: IncomingMessage): Promise<{ cookie: OutgoingCookie; sessionId: string | null }> {
    const token = cookieOf(request.headers, SESSION_COOKIE);
    const sessionId = token && token.length <= MAX_TOKEN_LENGTH ? hashToken(token) : null;
    if (sessionId) {
      await this.store.deleteSession(sessionId);
      this.marked.delete(sessionId);
    }
    const cookie = { name: SESSION_COOKIE, value: '', options: sessionCookieOptions(this.options.secureCookie, 0) };
    return { cookie, sessionId };
  }

  /** The identity behind a request's cookie, or null (no cookie, unknown, expired, account not active). */
  readonly authenticate: Authenticator = async (request) => {
    const token = cookieOf(request.headers, SESSION_COOKIE);
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const live = await this.live(hashToken(token));
    if (!live) return null;
    await this.touchIfDue(live.session, this.now());
    return identityOf(live);
  };

  /**
   * True while the session still works: it exists, is neither idle- nor absolutely-expired, and its account
   * may act (not disabled; an editor's department not disabled). For holders of long-lived connections.
   */
  async isLive(sessionId: string): Promise<boolean> {
    return (await this.live(sessionId)) !== null;
  }

  /**
   * Records activity on a session that makes no REST calls (someone typing in a room for hours), as a
   * request does: its last-seen time moves on, written at most once a minute. An expired or unknown session
   * is left alone — activity does not bring it back.
   */
  async markActive(sessionId: string): Promise<void> {
    const now = this.now();
    const last = this.marked.get(sessionId);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    this.marked.set(sessionId, now);
    const session = await this.store.getSession(sessionId);
    if (!session || this.expired(session, now)) return;
    await this.touchIfDue(session, now);
  }

  /** Deletes every expired session from the store; returns how many. */
  async deleteExpired(): Promise<number> {
    const now = this.now();
    for (const [id, at] of this.marked) if (now - at >= TOUCH_EVERY_MS) this.marked.delete(id);
    return this.store.deleteExpiredSessions(
      new Date(now - this.options.idleTimeoutMs).toISOString(),
      new Date(now - this.options.absoluteTimeoutMs).toISOString(),
    );
  }

  private async live(sessionId: string): Promise<LiveSession | null> {
    const session = await this.store.getSession(sessionId);
    if (!session) return null;
    if (this.expired(session, this.now())) {
      await this.store.deleteSession(sessionId);
      return null;
    }
    const user = await this.store.getUser(session.userId);
    if (!user) return null;
    const department = await departmentOf(this.store, user);
    if (!(await isActive(this.store, user, department))) return null;
    return { session, user, department };
  }

  private expired(session: SessionRecord, now: number): boolean {
    return (
      now - Date.parse(session.lastSeenAt) > this.options.idleTimeoutMs ||
      now - Date.parse(session.createdAt) > this.options.absoluteTimeoutMs
    );
  }

  private async touchIfDue(session: SessionRecord, now: number): Promise<void> {
    if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await this.store.touchSession(session.id, new Date(now).toISOString());
    }
  }
}

function identityOf({ session, user, department }: LiveSession): Identity {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: department?.name ?? null,
    sessionId: session.id,
  };
}
