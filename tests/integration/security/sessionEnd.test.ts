/**
 * Sessions that end while connected (sign-out), departments disabled under their editors' feet, and
 * expired sessions swept from the store (issue 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../common/closeCodes.js';
import { defaultConfig } from '../../../server/config.js';
import { assignSection, call, createDepartment, createReport, createUser, login, seedWorkspace } from '../../helpers/api.js';
import { connectClient, upgradeStatus, type CollabClient } from '../../helpers/collabClient.js';
import { ADMIN_PASSWORD, startServer, type TestServer } from '../../helpers/startServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { expectError, nextCloseCode, sessionIdOf } from './support.js';

describe('signing out while connected', () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it('closes the connections of that session with 4401, and only those', async () => {
    const ws = await seedWorkspace(server);
    const report = await createReport(server.url, {}, server.adminCookie);
    await assignSection(server.url, server.adminCookie, report.id, 'tham-muu', ws.departments.noivu.id);
    const laptop = await login(server.url, ws.noivu.username, ws.noivu.password);
    const phone = await login(server.url, ws.noivu.username, ws.noivu.password);
    const onLaptop = connectClient(server.collabUrl, report.sections[0]!.room, laptop);
    const onPhone = connectClient(server.collabUrl, report.sections[0]!.room, phone);
    clients.push(onLaptop, onPhone);
    await Promise.all([onLaptop.synced(), onPhone.synced()]);

    const closed = nextCloseCode(onLaptop);
    expect((await call(server.url, laptop, 'DELETE', '/api/session')).status).toBe(204);
    expect(await closed).toBe(CloseCode.sessionEnded);
    expect(onPhone.provider.wsconnected).toBe(true);
    expect((await call(server.url, phone, 'GET', '/api/me')).status).toBe(200);
  });
});

describe('disabling a department while its editors are connected', () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  it("closes its editors' connections with 4100 at once; they then neither open its sections nor sign in, until it is enabled again", async () => {
    const ws = await seedWorkspace(server);
    const report = await createReport(server.url, {}, server.adminCookie);
    const [noivuSection, vhttSection] = report.sections;
    await assignSection(server.url, server.adminCookie, report.id, noivuSection!.id, ws.departments.noivu.id);
    await assignSection(server.url, server.adminCookie, report.id, vhttSection!.id, ws.departments.vhtt.id);
    const noivuCookie = await login(server.url, ws.noivu.username, ws.noivu.password);
    const vhttCookie = await login(server.url, ws.vhtt.username, ws.vhtt.password);
    const noivu = connectClient(server.collabUrl, noivuSection!.room, noivuCookie);
    const vhtt = connectClient(server.collabUrl, vhttSection!.room, vhttCookie);
    clients.push(noivu, vhtt);
    await Promise.all([noivu.synced(), vhtt.synced()]);

    let closedWith: number | undefined;
    void nextCloseCode(noivu).then((code) => (closedWith = code));
    const disabled = await call(server.url, server.adminCookie, 'PATCH', `/api/departments/${ws.departments.noivu.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    await waitFor(() => closedWith !== undefined, { what: "the disabled department's connection to close" });
    expect(closedWith).toBe(CloseCode.rightsChanged);
    noivu.provider.disconnect();

    // Its editor has no rights left: no room, no API, no new session. Another department is untouched.
    expect(await upgradeStatus(server.collabUrl, noivuSection!.room, noivuCookie)).toBe(401);
    expect((await call(server.url, noivuCookie, 'GET', '/api/me')).status).toBe(401);
    await expectError(await call(server.url, null, 'POST', '/api/session', { username: ws.noivu.username, password: ws.noivu.password }), 401, 'invalid_credentials');
    expect(vhtt.provider.wsconnected).toBe(true);
    expect((await call(server.url, vhttCookie, 'GET', '/api/me')).status).toBe(200);

    const enabled = await call(server.url, server.adminCookie, 'PATCH', `/api/departments/${ws.departments.noivu.id}`, { disabled: false });
    expect(enabled.status).toBe(200);
    expect(await upgradeStatus(server.collabUrl, noivuSection!.room, noivuCookie)).toBe(101);
  });

  it('leaves people whose rights do not come from the department able to work', async () => {
    const department = await createDepartment(server.url, server.adminCookie, 'Văn phòng HĐND-UBND');
    const password = 'van-phong-mat-khau';
    await createUser(server.url, server.adminCookie, { username: 'vp2', password, displayName: 'Phạm Văn Phòng', role: 'office', departmentId: department.id });
    const cookie = await login(server.url, 'vp2', password);
    const disabled = await call(server.url, server.adminCookie, 'PATCH', `/api/departments/${department.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect((await call(server.url, cookie, 'GET', '/api/reports')).status).toBe(200);
    expect(await login(server.url, 'vp2', password)).toMatch(/^ds_session=/);
  });
});

describe('expired sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    const auth = defaultConfig().auth;
    // Sweeps every 20 ms: the test waits for one to happen, with a deadline.
    server = await startServer({ config: { auth: { ...auth, adminPassword: ADMIN_PASSWORD, sessions: { ...auth.sessions, sweepEveryMs: 20 } } } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('are deleted from the store by the periodic sweep; live ones stay', async () => {
    const admin = await server.store.findUserByUsername('admin');
    const long = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
    const now = new Date().toISOString();
    await server.store.createSession({ id: 'idle-expired', userId: admin!.id, createdAt: now, lastSeenAt: long });
    await server.store.createSession({ id: 'too-old', userId: admin!.id, createdAt: long, lastSeenAt: now });
    await waitFor(async () => (await server.store.getSession('idle-expired')) === null && (await server.store.getSession('too-old')) === null, {
      what: 'the sweep to delete the expired sessions',
    });
    expect(await server.store.getSession(sessionIdOf(server.adminCookie))).not.toBeNull();
    expect((await call(server.url, server.adminCookie, 'GET', '/api/me')).status).toBe(200);
  });
});
