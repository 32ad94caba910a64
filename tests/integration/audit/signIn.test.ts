/**
 * Sign-ins in the audit log (issue 10, item 6): each success and each refusal, under the account it was
 * for (workspace-wide: no report), with the address and — for the log's readers only — why it was refused.
 * Attempts the throttle refuses (429) are not written: they are what an attack repeats.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogEntry, AuditLogPage } from '../../../common/api/audit.js';
import type { ThrottleOptions } from '../../../server/auth/loginThrottle.js';
import { defaultConfig } from '../../../server/config.js';
import { call, login, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError } from '../security/support.js';

const THROTTLE: ThrottleOptions = {
  freeFailures: 2,
  accountLimit: 4,
  addressLimit: 100,
  accountSpreadLimit: 100,
  windowMs: 60_000,
  baseDelayMs: 1,
  maxDelayMs: 5,
};

describe('sign-ins in the audit log', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  beforeEach(async () => {
    server = await startServer({ config: { auth: { ...defaultConfig().auth, adminPassword: ADMIN_PASSWORD, throttle: THROTTLE } } });
    ws = await seedWorkspace(server);
  });
  afterEach(async () => {
    await server.close();
  });

  const signIns = async (query = 'action=signin'): Promise<AuditLogEntry[]> =>
    ((await (await call(server.url, server.adminCookie, 'GET', `/api/audit?limit=500&${query}`)).json()) as AuditLogPage).entries;
  const attempt = (username: string, password: string) => call(server.url, null, 'POST', '/api/session', { username, password });

  it('writes each success and each refusal under its account, without a report', async () => {
    const before = (await signIns()).length;
    await login(server.url, ws.office.username, ws.office.password);
    await expectError(await attempt(ws.office.username, 'sai-mat-khau'), 401, 'invalid_credentials');
    await expectError(await attempt('khong-ai-ca', 'mat-khau'), 401, 'invalid_credentials');
    await call(server.url, server.adminCookie, 'PATCH', `/api/users/${ws.noivu.id}`, { disabled: true });
    await expectError(await attempt(ws.noivu.username, ws.noivu.password), 401, 'invalid_credentials');

    const entries = (await signIns()).slice(0, (await signIns()).length - before).reverse();
    expect(entries.map(({ userId, reportId, action, detail }) => ({ userId, reportId, action, detail }))).toEqual([
      { userId: ws.office.id, reportId: null, action: 'signin.succeeded', detail: { address: '127.0.0.1' } },
      { userId: ws.office.id, reportId: null, action: 'signin.failed', detail: { username: ws.office.username, address: '127.0.0.1', reason: 'password' } },
      { userId: null, reportId: null, action: 'signin.failed', detail: { username: 'khong-ai-ca', address: '127.0.0.1', reason: 'unknown' } },
      { userId: ws.noivu.id, reportId: null, action: 'signin.failed', detail: { username: ws.noivu.username, address: '127.0.0.1', reason: 'inactive' } },
    ]);
    expect(entries[0]).toMatchObject({ userName: 'Nguyễn Thị Thu', reportTitle: null });
    // Filtered by account: that account's sign-ins only.
    expect((await signIns(`action=signin&user=${ws.office.id}`)).slice(0, 2).map((entry) => entry.action)).toEqual(['signin.failed', 'signin.succeeded']);
    expect((await signIns('action=signin.failed')).every((entry) => entry.action === 'signin.failed')).toBe(true);
  });

  it('does not write the attempts the throttle refuses', async () => {
    const before = (await signIns(`action=signin&user=${ws.vhtt.id}`)).length;
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) answers.push((await attempt(ws.vhtt.username, `sai-${i}`)).status);
    const refused = answers.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(0);
    const written = (await signIns(`action=signin&user=${ws.vhtt.id}`)).length - before;
    expect(written).toBe(answers.filter((status) => status === 401).length);
  });
});
