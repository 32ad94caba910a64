/**
 * Cross-site request forgery (issue 3: "state-changing REST calls refuse cross-site requests"). A browser
 * says where a request comes from in `Origin` and `Sec-Fetch-Site`; a write from another site is refused
 * with 403 `cross_site` even with a valid session cookie, and changes nothing. Forms (which need no CORS
 * preflight) cannot send JSON, so a form-encoded body is refused too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, User } from '../../../common/account.js';
import { isApiErrorBody } from '../../../common/apiError.js';
import type { Report, ReportSummary } from '../../../common/report.js';
import { assignSection, call, createReport, login, seedWorkspace, type SeededWorkspace } from '../../helpers/api.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError, sessionIdOf } from './support.js';

const EVIL = 'http://evil.example';

/** A 4xx answer in the error format of CONTRACT.md (415 for a media type the API does not read, 400 otherwise). */
async function expectRefused(response: Response): Promise<void> {
  const body = (await response.json()) as unknown;
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(isApiErrorBody(body)).toBe(true);
}

describe('cross-site requests', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  let officeCookie: string;
  let report: Report;

  /** A JSON call with extra headers (as a browser adds them). */
  function send(method: string, path: string, body: unknown, headers: Record<string, string>, cookie: string | null = officeCookie) {
    return fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  const reportIds = async () =>
    ((await (await call(server.url, server.adminCookie, 'GET', '/api/reports')).json()) as ReportSummary[]).map((summary) => summary.id);
  const ownerOf = async (sectionId: string) =>
    ((await (await call(server.url, server.adminCookie, 'GET', `/api/reports/${report.id}`)).json()) as Report).sections.find(
      (section) => section.id === sectionId,
    )?.ownerDepartmentId;
  const users = async () => (await (await call(server.url, server.adminCookie, 'GET', '/api/users')).json()) as User[];
  const departments = async () => (await (await call(server.url, server.adminCookie, 'GET', '/api/departments')).json()) as Department[];

  beforeAll(async () => {
    server = await startServer();
    ws = await seedWorkspace(server);
    officeCookie = await login(server.url, ws.office.username, ws.office.password);
    report = await createReport(server.url, { title: 'Báo cáo chống CSRF' }, officeCookie);
    await assignSection(server.url, officeCookie, report.id, 'ket-qua', ws.departments.vhtt.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every kind of state-changing call, with a valid cookie, as [method, path, body, cookie]. */
  const writes = (): Array<[string, string, unknown, string]> => [
    ['POST', '/api/reports', { templateId: 'bao-cao-so-ket', title: 'Giả mạo' }, officeCookie],
    ['PUT', `/api/reports/${report.id}/sections/ket-qua`, { ownerDepartmentId: ws.departments.noivu.id }, officeCookie],
    ['POST', '/api/users', { username: 'giamao', password: 'gia-mao-mat-khau', displayName: 'Giả', role: 'admin' }, server.adminCookie],
    ['PATCH', `/api/users/${ws.vhtt.id}`, { disabled: true }, server.adminCookie],
    ['PUT', `/api/users/${ws.admin.id}/password`, { password: 'mat-khau-gia-mao' }, server.adminCookie],
    ['POST', '/api/departments', { name: 'Phòng Giả' }, server.adminCookie],
    ['PATCH', `/api/departments/${ws.departments.noivu.id}`, { disabled: true }, server.adminCookie],
    ['PUT', '/api/workspace', { agencyName: 'GIẢ', parentAgencyName: '', placeName: 'Giả' }, server.adminCookie],
    ['DELETE', '/api/session', undefined, officeCookie],
  ];

  async function expectNothingChanged(reportsBefore: string[]): Promise<void> {
    expect(await reportIds()).toEqual(reportsBefore);
    expect(await ownerOf('ket-qua')).toBe(ws.departments.vhtt.id);
    const accounts = await users();
    expect(accounts.map((user) => user.username).sort()).toEqual(['admin', 'chutich', 'noivu', 'vanphong', 'vhtt']);
    expect(accounts.every((user) => !user.disabled)).toBe(true);
    expect((await departments()).map((department) => [department.name, department.disabled])).toEqual([
      ['Phòng Nội vụ', false],
      ['Phòng Văn hóa - Thông tin', false],
    ]);
    const workspace = (await (await call(server.url, server.adminCookie, 'GET', '/api/workspace')).json()) as { agencyName: string };
    expect(workspace.agencyName).not.toBe('GIẢ');
    // Sessions survived the forged logouts; the admin's password was not reset.
    expect((await call(server.url, officeCookie, 'GET', '/api/me')).status).toBe(200);
    expect(await server.store.getSession(sessionIdOf(officeCookie))).not.toBeNull();
    await login(server.url, 'admin', server.adminPassword);
  }

  it('refuses every write from another Origin with 403 cross_site, changing nothing', async () => {
    const before = await reportIds();
    for (const origin of [EVIL, 'https://evil.example', `http://127.0.0.1:1`, 'null', `${server.url}.evil.example`]) {
      for (const [method, path, body, cookie] of writes()) {
        await expectError(await send(method, path, body, { origin }, cookie), 403, 'cross_site');
      }
    }
    await expectNothingChanged(before);
  });

  it('refuses every write a browser marks Sec-Fetch-Site cross-site or same-site, whatever Origin says', async () => {
    const before = await reportIds();
    const variants: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      // The browser's own word wins over an Origin that happens to match.
      { 'sec-fetch-site': 'cross-site', origin: server.url },
    ];
    for (const headers of variants) {
      for (const [method, path, body, cookie] of writes()) {
        await expectError(await send(method, path, body, headers, cookie), 403, 'cross_site');
      }
    }
    await expectNothingChanged(before);
  });

  it('allows writes from the app itself: a same-origin Origin, and Sec-Fetch-Site same-origin', async () => {
    const before = await reportIds();
    const sameOrigin = await send('POST', '/api/reports', { templateId: 'bao-cao-so-ket', title: 'Cùng nguồn 1' }, { origin: server.url });
    expect(sameOrigin.status).toBe(201);
    const fetchSite = await send(
      'POST',
      '/api/reports',
      { templateId: 'bao-cao-so-ket', title: 'Cùng nguồn 2' },
      { 'sec-fetch-site': 'same-origin', origin: server.url },
    );
    expect(fetchSite.status).toBe(201);
    const created = [(await sameOrigin.json()) as Report, (await fetchSite.json()) as Report];
    expect(await reportIds()).toEqual([created[1]!.id, created[0]!.id, ...before]);

    const assigned = await send(
      'PUT',
      `/api/reports/${created[0]!.id}/sections/tham-muu`,
      { ownerDepartmentId: ws.departments.noivu.id },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(assigned.status).toBe(200);

    // Reads are not writes: a GET carrying a foreign Origin is answered (CORS keeps the answer from that site).
    expect((await send('GET', '/api/me', undefined, { origin: EVIL, 'sec-fetch-site': 'cross-site' })).status).toBe(200);

    // Sign-out from the app works, and ends that session.
    const cookie = await login(server.url, ws.chair.username, ws.chair.password);
    const logout = await send('DELETE', '/api/session', undefined, { origin: server.url, 'sec-fetch-site': 'same-origin' }, cookie);
    expect(logout.status).toBe(204);
    await expectError(await call(server.url, cookie, 'GET', '/api/me'), 401, 'unauthenticated');
  });

  it('refuses bodies an HTML form can send (url-encoded, multipart, text/plain), creating nothing', async () => {
    const before = await reportIds();
    const form = (contentType: string, body: string, path = '/api/reports', cookie: string | null = officeCookie) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
        body,
      });
    const urlEncoded = await form('application/x-www-form-urlencoded', 'templateId=bao-cao-so-ket&title=Gi%E1%BA%A3');
    await expectRefused(urlEncoded);
    const multipart = await form('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="templateId"\r\n\r\nbao-cao-so-ket\r\n--x--\r\n');
    await expectRefused(multipart);
    // `enctype="text/plain"` can smuggle a JSON-looking body; it must not be read as JSON.
    const textPlain = await form('text/plain', JSON.stringify({ templateId: 'bao-cao-so-ket', title: 'Giả' }));
    await expectRefused(textPlain);
    expect(await reportIds()).toEqual(before);

    // The same for accounts and for signing in.
    const account = await form(
      'text/plain',
      JSON.stringify({ username: 'giamao', password: 'gia-mao-mat-khau', displayName: 'Giả', role: 'admin' }),
      '/api/users',
      server.adminCookie,
    );
    await expectRefused(account);
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `username=${ws.noivu.username}&password=${ws.noivu.password}`],
      ['text/plain', JSON.stringify({ username: ws.noivu.username, password: ws.noivu.password })],
    ] as const) {
      const signIn = await form(type, body, '/api/session', null);
      expect(signIn.headers.get('set-cookie')).toBeNull();
      await expectRefused(signIn);
    }
    expect((await users()).map((user) => user.username)).not.toContain('giamao');
  });

  it('refuses a cross-site sign-in (login CSRF) with 403 and sets no cookie', async () => {
    const variants: Array<Record<string, string>> = [{ origin: EVIL }, { 'sec-fetch-site': 'cross-site' }, { origin: EVIL, 'sec-fetch-site': 'cross-site' }];
    for (const headers of variants) {
      const response = await send('POST', '/api/session', { username: ws.noivu.username, password: ws.noivu.password }, headers, null);
      expect(response.headers.get('set-cookie')).toBeNull();
      await expectError(response, 403, 'cross_site');
    }
    // From the app itself, the same sign-in works.
    const ok = await send(
      'POST',
      '/api/session',
      { username: ws.noivu.username, password: ws.noivu.password },
      { origin: server.url, 'sec-fetch-site': 'same-origin' },
      null,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/^ds_session=/);
  });
});
