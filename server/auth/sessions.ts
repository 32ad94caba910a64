/**
 * Server-side sessions behind an httpOnly cookie. The cookie holds a random token; the store holds only
 * its SHA-256, so a copy of the database cannot be used to sign in. A session ends at logout, after
 * `idleTimeoutMs` without a request, after `absoluteTimeoutMs` in any case, or when its account is
 * disabled or its password reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Store, UserRecord } from '../storage/store.js';
import { parseCookies, serializeCookie } from './cookies.js';
import type { Authenticator, Identity } from './identity.js';

export const SESSION_COOKIE = 'ds_session';

export interface SessionOptions {
  /** A session unused for this long ends, in ms. */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in whatever happens, in ms. */
  absoluteTimeoutMs: number;
  /** Mark the cookie Secure (serve over HTTPS). */
  secureCookie: boolean;
}

/** Last-seen times are written at most this often, so every request is not a database write. */
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly options: SessionOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the `Set-Cookie` value carrying its token. */
  async start(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const at = new Date(this.now()).toISOString();
    await this.store.createSession({ id: hashToken(token), userId, createdAt: at, lastSeenAt: at });
    return serializeCookie(SESSION_COOKIE, token, { secure: this.options.secureCookie });
  }

  /**
   * Ends the request's session, if any; returns the `Set-Cookie` value that clears the cookie and the id of
   * the session that ended (null when there was none).
   */
  async end(request: IncomingMessage): Promise<{ cookie: string; sessionId: string | null }> {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    const sessionId = token ? hashToken(token) : null;
    if (sessionId) await this.store.deleteSession(sessionId);
    return { cookie: serializeCookie(SESSION_COOKIE, '', { maxAge: 0, secure: this.options.secureCookie }), sessionId };
  }

  /** The identity behind a request's cookie, or null (no cookie, unknown, expired, account disabled). */
  readonly authenticate: Authenticator = async (request) => {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (!token || token.length > 100) return null;
    const id = hashToken(token);
    const session = await this.store.getSession(id);
    if (!session) return null;
    const now = this.now();
    const lastSeen = Date.parse(session.lastSeenAt);
    if (now - lastSeen > this.options.idleTimeoutMs || now - Date.parse(session.createdAt) > this.options.absoluteTimeoutMs) {
      await this.store.deleteSession(id);
      return null;
    }
    const user = await this.store.getUser(session.userId);
    if (!user || user.disabled) return null;
    if (now - lastSeen > TOUCH_EVERY_MS) await this.store.touchSession(id, new Date(now).toISOString());
    return this.identityOf(user, id);
  };

  private async identityOf(user: UserRecord, sessionId: string): Promise<Identity> {
    const department = user.departmentId ? await this.store.getDepartment(user.departmentId) : null;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
      departmentName: department?.name ?? null,
      sessionId,
    };
  }
}
