/**
 * What the room pipeline asks of sessions (issue 8): `isLive` (does the session still work?) and
 * `markActive` (typing in a room keeps a session from going idle, written at most once a minute).
 * A real SQLite store and a clock the test moves.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/access.js';
import { registerCookies } from '../../../../server/auth/cookies.js';
import { Sessions } from '../../../../server/auth/sessions.js';
import { openSqliteStore } from '../../../../server/storage/sqliteStore.js';
import type { Store } from '../../../../server/storage/store.js';

const MINUTE = 60_000;
const options = { idleTimeoutMs: 30 * MINUTE, absoluteTimeoutMs: 24 * 60 * MINUTE, secureCookie: false };

describe('Sessions: isLive and markActive', () => {
  let dir: string;
  let store: Store;
  let clock: { now: number };
  let sessions: Sessions;
  let touches: number;

  beforeAll(async () => {
    // cookieOf uses @fastify/cookie's parser, which registering the plugin loads.
    const app = Fastify();
    await registerCookies(app);
    await app.close();
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dong-soan-sessions-'));
    const opened = openSqliteStore(join(dir, 'store.sqlite'));
    touches = 0;
    // Counts the writes of last-seen times.
    store = {
      ...opened,
      touchSession: async (id, at) => {
        touches += 1;
        await opened.touchSession(id, at);
      },
    };
    clock = { now: Date.parse('2025-03-05T08:00:00.000Z') };
    sessions = new Sessions(store, options, () => clock.now);
    await store.createDepartment({ id: 'noivu', name: 'Phòng Nội vụ', disabled: false });
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Creates an account and signs it in; returns the session's id and a request carrying its cookie. */
  async function signIn(id: string, role: Role, departmentId: string | null = null) {
    await store.createUser({ id, username: id, displayName: id, role, departmentId, disabled: false, passwordHash: 'x', createdAt: '2025-03-01T00:00:00.000Z' });
    const cookie = await sessions.start(id);
    const request = { headers: { cookie: `${cookie.name}=${cookie.value}` } } as IncomingMessage;
    const identity = await sessions.authenticate(request);
    return { sessionId: identity!.sessionId, request };
  }

  it('is live until it has been idle too long', async () => {
    const { sessionId } = await signIn('noivu1', 'editor', 'noivu');
    expect(await sessions.isLive(sessionId)).toBe(true);
    clock.now += 30 * MINUTE;
    expect(await sessions.isLive(sessionId)).toBe(true);
    clock.now += 1;
    expect(await sessions.isLive(sessionId)).toBe(false);
    expect(await sessions.isLive('no-such-session')).toBe(false);
  });

  it('keeps a session live while its owner types for hours without a REST call, writing once a minute at most', async () => {
    const { sessionId, request } = await signIn('noivu1', 'editor', 'noivu');
    touches = 0;
    // Five hours of typing, a message every 10 seconds.
    for (let t = 0; t < 5 * 60 * 6; t++) {
      clock.now += 10_000;
      await sessions.markActive(sessionId);
    }
    expect(await sessions.isLive(sessionId)).toBe(true);
    expect(touches).toBeGreaterThan(0);
    expect(touches).toBeLessThanOrEqual(5 * 60);
    expect(await sessions.authenticate(request)).not.toBeNull();
  });

  it('does not bring back an idle-expired session, and ends every session at the absolute limit', async () => {
    const idle = await signIn('noivu1', 'editor', 'noivu');
    clock.now += 31 * MINUTE;
    await sessions.markActive(idle.sessionId);
    expect(await sessions.isLive(idle.sessionId)).toBe(false);

    const busy = await signIn('noivu2', 'editor', 'noivu');
    for (let t = 0; t < 24 * 6; t++) {
      clock.now += 10 * MINUTE;
      await sessions.markActive(busy.sessionId);
    }
    // 24 hours after sign-in, kept from idling by activity: live up to the limit, not a moment after.
    expect(await sessions.isLive(busy.sessionId)).toBe(true);
    clock.now += 1;
    await sessions.markActive(busy.sessionId);
    expect(await sessions.isLive(busy.sessionId)).toBe(false);
  });

  it("is not live once its account is disabled, nor while an editor's department is disabled", async () => {
    const disabled = await signIn('noivu1', 'editor', 'noivu');
    await store.updateUser('noivu1', { disabled: true });
    expect(await sessions.isLive(disabled.sessionId)).toBe(false);

    const editor = await signIn('noivu2', 'editor', 'noivu');
    const office = await signIn('vanphong', 'office', 'noivu');
    await store.updateDepartment('noivu', { disabled: true });
    expect(await sessions.isLive(editor.sessionId)).toBe(false);
    expect(await sessions.authenticate(editor.request)).toBeNull();
    // The office's rights do not come from its department.
    expect(await sessions.isLive(office.sessionId)).toBe(true);
    await store.updateDepartment('noivu', { disabled: false });
    expect(await sessions.isLive(editor.sessionId)).toBe(true);
  });

  it('deletes expired sessions from the store, and only those', async () => {
    const stale = await signIn('noivu1', 'editor', 'noivu');
    clock.now += 20 * MINUTE;
    const fresh = await signIn('noivu2', 'editor', 'noivu');
    clock.now += 11 * MINUTE;
    expect(await sessions.deleteExpired()).toBe(1);
    expect(await store.getSession(stale.sessionId)).toBeNull();
    expect(await store.getSession(fresh.sessionId)).not.toBeNull();
  });
});
