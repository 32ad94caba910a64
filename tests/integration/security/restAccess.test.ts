/**
 * REST access control against a real server (issue 3, "Tests"): no session, a forged, expired or ended
 * session, a disabled account, a reset password, the wrong role for every guarded call, a department that
 * owns no section of a report, and invalid inputs — each refused with the status and error format of
 * CONTRACT.md, and nothing changed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Me, User, Workspace } from '../../../common/account.js';
import type { Report, ReportSummary } from '../../../common/report.js';
import {
  assignSection,
  call,
  createDepartment,
  createReport,
  createUser,
  login,
  seedWorkspace,
  type SeededWorkspace,
} from '../../helpers/api.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError, sessionIdOf, tokenOf } from './support.js';

const forgedCookie = () => `ds_session=${randomBytes(32).toString('base64url')}`;

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('REST access control', () => {
  let server: TestServer;
  let ws: SeededWorkspace;
  const cookies: Record<'office' | 'noivu' | 'vhtt' | 'chair', string> = { office: '', noivu: '', vhtt: '', chair: '' };
  /** A report whose `tham-muu` belongs to noivu and `ket-qua` to vhtt. */
  let report: Report;
  let counter = 0;

  /** A throwaway account for tests that disable it or reset its password. */
  async function throwaway(role: 'editor' | 'office' = 'editor'): Promise<{ user: User; password: string; cookie: string }> {
    counter += 1;
    const password = `tam-thoi-${counter}-mat-khau`;
    const user = await createUser(server.url, server.adminCookie, {
      username: `tamthoi${counter}`,
      password,
      displayName: `Tài khoản tạm ${counter}`,
      role,
      departmentId: role === 'editor' ? ws.departments.noivu.id : null,
    });
    return { user, password, cookie: await login(server.url, user.username, password) };
  }

  beforeAll(async () => {
    server = await startServer();
    ws = await seedWorkspace(server);
    for (const name of ['office', 'noivu', 'vhtt', 'chair'] as const) {
      cookies[name] = await login(server.url, ws[name].username, ws[name].password);
    }
    report = await createReport(server.url, { title: 'Báo cáo kiểm thử quyền' }, cookies.office);
    await assignSection(server.url, cookies.office, report.id, 'tham-muu', ws.departments.noivu.id);
    await assignSection(server.url, cookies.office, report.id, 'ket-qua', ws.departments.vhtt.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('without a valid session', () => {
    /** Every call but sign-in, as [method, path, body]. */
    const guardedCalls = (): Array<[string, string, unknown]> => [
      ['GET', '/api/me', undefined],
      ['GET', '/api/reports', undefined],
      ['GET', `/api/reports/${report.id}`, undefined],
      ['GET', '/api/departments', undefined],
      ['GET', '/api/users', undefined],
      ['GET', '/api/templates', undefined],
      ['GET', '/api/workspace', undefined],
      ['POST', '/api/reports', { templateId: 'bao-cao-so-ket' }],
      ['PUT', `/api/reports/${report.id}/sections/ket-qua`, { ownerDepartmentId: ws.departments.noivu.id }],
      ['POST', '/api/departments', { name: 'Phòng Không Phiên' }],
      ['PATCH', `/api/departments/${ws.departments.vhtt.id}`, { disabled: true }],
      ['POST', '/api/users', { username: 'khongphien', password: 'khong-phien-mk', displayName: 'X', role: 'admin' }],
      ['PATCH', `/api/users/${ws.noivu.id}`, { disabled: true }],
      ['PUT', `/api/users/${ws.admin.id}/password`, { password: 'mat-khau-chiem-quyen' }],
      ['PUT', '/api/workspace', { agencyName: 'X', parentAgencyName: '', placeName: 'Y' }],
    ];

    async function expectNothingChanged(): Promise<void> {
      const reports = await json<ReportSummary[]>(await call(server.url, server.adminCookie, 'GET', '/api/reports'));
      expect(reports.map((summary) => summary.id)).toEqual([report.id]);
      const fetched = await json<Report>(await call(server.url, server.adminCookie, 'GET', `/api/reports/${report.id}`));
      expect(fetched.sections.find((section) => section.id === 'ket-qua')?.ownerDepartmentId).toBe(ws.departments.vhtt.id);
      const departments = await json<Department[]>(await call(server.url, server.adminCookie, 'GET', '/api/departments'));
      expect(departments.map((department) => [department.name, department.disabled])).toEqual([
        ['Phòng Nội vụ', false],
        ['Phòng Văn hóa - Thông tin', false],
      ]);
      const users = await json<User[]>(await call(server.url, server.adminCookie, 'GET', '/api/users'));
      expect(users.map((user) => user.username).sort()).toEqual(['admin', 'chutich', 'noivu', 'vanphong', 'vhtt']);
      expect(users.every((user) => !user.disabled)).toBe(true);
      const workspace = await json<Workspace>(await call(server.url, server.adminCookie, 'GET', '/api/workspace'));
      expect(workspace.agencyName).not.toBe('X');
      // The admin's password was not changed.
      await login(server.url, 'admin', server.adminPassword);
    }

    it('answers every call without a cookie with 401 unauthenticated, changing nothing', async () => {
      for (const [method, path, body] of guardedCalls()) {
        await expectError(await call(server.url, null, method, path, body), 401, 'unauthenticated');
      }
      await expectNothingChanged();
    });

    it('answers a forged session cookie (a random token, a malformed or oversized one) with 401', async () => {
      for (const cookie of [forgedCookie(), 'ds_session=', 'ds_session=%E0%A4%A', `ds_session=${'a'.repeat(5000)}`, 'other=1']) {
        for (const [method, path, body] of guardedCalls()) {
          await expectError(await call(server.url, cookie, method, path, body), 401, 'unauthenticated');
        }
      }
      // A stored session id (the token's hash) is not a token: a copy of the database does not sign anyone in.
      const stolenId = sessionIdOf(cookies.noivu);
      await expectError(await call(server.url, `ds_session=${stolenId}`, 'GET', '/api/me'), 401, 'unauthenticated');
      await expectNothingChanged();
    });
  });

  describe('sessions', () => {
    it('sets the session cookie httpOnly and SameSite, and stores only the hash of its token', async () => {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ws.noivu.username, password: ws.noivu.password }),
      });
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^ds_session=[^;]{32,}/);
      expect(setCookie).toMatch(/;\s*HttpOnly/i);
      expect(setCookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(setCookie).toMatch(/;\s*Path=\//i);
      const cookie = setCookie.split(';')[0]!;
      const stored = await server.store.getSession(sessionIdOf(cookie));
      expect(stored?.userId).toBe(ws.noivu.id);
      expect(await server.store.getSession(tokenOf(cookie))).toBeNull();
      const me = await json<Me>(await call(server.url, cookie, 'GET', '/api/me'));
      expect(me).toEqual({
        id: ws.noivu.id,
        username: 'noivu',
        displayName: 'Lê Văn Nam',
        role: 'editor',
        departmentId: ws.departments.noivu.id,
      });
    });

    it('ends a session left idle too long: 401, and the session is gone from the store', async () => {
      const cookie = await login(server.url, ws.noivu.username, ws.noivu.password);
      const id = sessionIdOf(cookie);
      expect(await server.store.getSession(id)).not.toBeNull();
      await server.store.touchSession(id, '2000-01-01T00:00:00.000Z');
      await expectError(await call(server.url, cookie, 'GET', '/api/me'), 401, 'unauthenticated');
      expect(await server.store.getSession(id)).toBeNull();
      // It stays ended (nothing revives it), and other sessions of the account still work.
      await expectError(await call(server.url, cookie, 'GET', '/api/reports'), 401, 'unauthenticated');
      expect((await call(server.url, cookies.noivu, 'GET', '/api/me')).status).toBe(200);
    });

    it('ends a session past its absolute lifetime however recently it was used', async () => {
      const token = randomBytes(32).toString('base64url');
      const cookie = `ds_session=${token}`;
      await server.store.createSession({
        id: sessionIdOf(cookie),
        userId: ws.noivu.id,
        createdAt: '2000-01-01T00:00:00.000Z',
        lastSeenAt: new Date().toISOString(),
      });
      await expectError(await call(server.url, cookie, 'GET', '/api/me'), 401, 'unauthenticated');
      expect(await server.store.getSession(sessionIdOf(cookie))).toBeNull();
    });

    it('ends the session at logout: the old cookie gets 401 afterwards', async () => {
      const cookie = await login(server.url, ws.vhtt.username, ws.vhtt.password);
      expect((await call(server.url, cookie, 'GET', '/api/me')).status).toBe(200);
      const logout = await call(server.url, cookie, 'DELETE', '/api/session');
      expect(logout.status).toBe(204);
      expect(logout.headers.get('set-cookie') ?? '').toMatch(/^ds_session=;.*Max-Age=0/i);
      expect(await server.store.getSession(sessionIdOf(cookie))).toBeNull();
      await expectError(await call(server.url, cookie, 'GET', '/api/me'), 401, 'unauthenticated');
      await expectError(await call(server.url, cookie, 'POST', '/api/reports', { templateId: 'bao-cao-so-ket' }), 401, 'unauthenticated');
      // Only that session ended.
      expect((await call(server.url, cookies.vhtt, 'GET', '/api/me')).status).toBe(200);
    });

    it('refuses a disabled account at once: its live session gets 401 and it cannot sign in (same answer as a wrong password)', async () => {
      const { user, password, cookie } = await throwaway();
      const second = await login(server.url, user.username, password);
      expect((await call(server.url, cookie, 'GET', '/api/me')).status).toBe(200);

      const disabled = await json<User>(await call(server.url, server.adminCookie, 'PATCH', `/api/users/${user.id}`, { disabled: true }));
      expect(disabled.disabled).toBe(true);
      for (const live of [cookie, second]) {
        await expectError(await call(server.url, live, 'GET', '/api/me'), 401, 'unauthenticated');
        await expectError(await call(server.url, live, 'GET', `/api/reports/${report.id}`), 401, 'unauthenticated');
        expect(await server.store.getSession(sessionIdOf(live))).toBeNull();
      }

      const rightPassword = await call(server.url, null, 'POST', '/api/session', { username: user.username, password });
      expect(rightPassword.headers.get('set-cookie')).toBeNull();
      const refused = await expectError(rightPassword, 401, 'invalid_credentials');
      const wrong = await expectError(
        await call(server.url, null, 'POST', '/api/session', { username: user.username, password: 'sai-mat-khau-roi' }),
        401,
        'invalid_credentials',
      );
      const unknown = await expectError(
        await call(server.url, null, 'POST', '/api/session', { username: 'khongtontai', password: 'sai-mat-khau-roi' }),
        401,
        'invalid_credentials',
      );
      expect(refused.message).toBe(wrong.message);
      expect(unknown.message).toBe(wrong.message);

      // Enabled again, it signs in with a new session; the old ones stay ended.
      await json<User>(await call(server.url, server.adminCookie, 'PATCH', `/api/users/${user.id}`, { disabled: false }));
      const fresh = await login(server.url, user.username, password);
      expect((await call(server.url, fresh, 'GET', '/api/me')).status).toBe(200);
      await expectError(await call(server.url, cookie, 'GET', '/api/me'), 401, 'unauthenticated');
    });

    it('ends every session of an account whose password the admin resets; only the new password signs in', async () => {
      const { user, password, cookie } = await throwaway();
      const second = await login(server.url, user.username, password);
      const reset = await call(server.url, server.adminCookie, 'PUT', `/api/users/${user.id}/password`, { password: 'mat-khau-moi-dat-lai' });
      expect(reset.status).toBe(204);
      for (const live of [cookie, second]) {
        await expectError(await call(server.url, live, 'GET', '/api/me'), 401, 'unauthenticated');
      }
      await expectError(await call(server.url, null, 'POST', '/api/session', { username: user.username, password }), 401, 'invalid_credentials');
      const fresh = await login(server.url, user.username, 'mat-khau-moi-dat-lai');
      expect((await json<Me>(await call(server.url, fresh, 'GET', '/api/me'))).id).toBe(user.id);
      // The admin's own session was not touched.
      expect((await call(server.url, server.adminCookie, 'GET', '/api/me')).status).toBe(200);
    });
  });

  describe('the wrong role', () => {
    it('lets only the office and the admin create reports (editor, chair → 403), creating nothing', async () => {
      const before = await json<ReportSummary[]>(await call(server.url, server.adminCookie, 'GET', '/api/reports'));
      for (const who of ['noivu', 'vhtt', 'chair'] as const) {
        await expectError(
          await call(server.url, cookies[who], 'POST', '/api/reports', { templateId: 'bao-cao-so-ket', title: `Của ${who}` }),
          403,
          'forbidden',
        );
      }
      const after = await json<ReportSummary[]>(await call(server.url, server.adminCookie, 'GET', '/api/reports'));
      expect(after).toEqual(before);
    });

    it('lets only the office and the admin assign sections (editor, chair → 403), changing no owner', async () => {
      const attempts: Array<['noivu' | 'vhtt' | 'chair', string, string | null]> = [
        ['noivu', 'ket-qua', ws.departments.noivu.id], // taking another department's section
        ['noivu', 'danh-gia', ws.departments.noivu.id], // taking an unassigned one
        ['vhtt', 'tham-muu', null], // taking one away
        ['chair', 'ket-qua', ws.departments.noivu.id],
      ];
      for (const [who, sectionId, owner] of attempts) {
        await expectError(
          await call(server.url, cookies[who], 'PUT', `/api/reports/${report.id}/sections/${sectionId}`, { ownerDepartmentId: owner }),
          403,
          'forbidden',
        );
      }
      const fetched = await json<Report>(await call(server.url, server.adminCookie, 'GET', `/api/reports/${report.id}`));
      expect(fetched.sections.map((section) => [section.id, section.ownerDepartmentId])).toEqual([
        ['tham-muu', ws.departments.noivu.id],
        ['ket-qua', ws.departments.vhtt.id],
        ['danh-gia', null],
        ['kien-nghi', null],
      ]);
    });

    it('keeps accounts, departments and the workspace to the admin (office, editor, chair → 403), changing nothing', async () => {
      const usersBefore = await json<User[]>(await call(server.url, server.adminCookie, 'GET', '/api/users'));
      const departmentsBefore = await json<Department[]>(await call(server.url, server.adminCookie, 'GET', '/api/departments'));
      const workspaceBefore = await json<Workspace>(await call(server.url, server.adminCookie, 'GET', '/api/workspace'));
      const adminOnly: Array<[string, string, unknown]> = [
        ['GET', '/api/users', undefined],
        ['POST', '/api/users', { username: 'leoquyen', password: 'leo-quyen-mat-khau', displayName: 'Leo quyền', role: 'admin' }],
        ['PATCH', `/api/users/${ws.noivu.id}`, { role: 'admin' }],
        ['PATCH', `/api/users/${ws.vhtt.id}`, { disabled: true }],
        ['PUT', `/api/users/${ws.admin.id}/password`, { password: 'mat-khau-chiem-quyen' }],
        ['POST', '/api/departments', { name: 'Phòng Lạ' }],
        ['PATCH', `/api/departments/${ws.departments.vhtt.id}`, { name: 'Đổi tên trái phép' }],
        ['PUT', '/api/workspace', { agencyName: 'ỦY BAN GIẢ', parentAgencyName: '', placeName: 'Nơi giả' }],
      ];
      for (const who of ['office', 'noivu', 'chair'] as const) {
        for (const [method, path, body] of adminOnly) {
          await expectError(await call(server.url, cookies[who], method, path, body), 403, 'forbidden');
        }
      }
      // An editor resetting someone's password (the admin's, or a colleague's) is refused as well.
      await expectError(
        await call(server.url, cookies.vhtt, 'PUT', `/api/users/${ws.noivu.id}/password`, { password: 'mat-khau-chiem-quyen' }),
        403,
        'forbidden',
      );
      expect(await json<User[]>(await call(server.url, server.adminCookie, 'GET', '/api/users'))).toEqual(usersBefore);
      expect(await json<Department[]>(await call(server.url, server.adminCookie, 'GET', '/api/departments'))).toEqual(departmentsBefore);
      expect(await json<Workspace>(await call(server.url, server.adminCookie, 'GET', '/api/workspace'))).toEqual(workspaceBefore);
      // Passwords unchanged, sessions alive.
      await login(server.url, 'admin', server.adminPassword);
      await login(server.url, ws.noivu.username, ws.noivu.password);
      expect((await call(server.url, cookies.noivu, 'GET', '/api/me')).status).toBe(200);
    });

    it('still lets every signed-in person read the department names (section owners are shown by name)', async () => {
      for (const who of ['office', 'noivu', 'chair'] as const) {
        const departments = await json<Department[]>(await call(server.url, cookies[who], 'GET', '/api/departments'));
        expect(departments.map((department) => department.name)).toContain('Phòng Nội vụ');
      }
    });
  });

  describe('report visibility', () => {
    it('hides a report from a department that owns none of its sections (403, absent from the list)', async () => {
      const congan = await createDepartment(server.url, server.adminCookie, 'Công an');
      const editor = await createUser(server.url, server.adminCookie, {
        username: 'congan',
        password: 'cong-an-mat-khau',
        displayName: 'Phạm Văn Hùng',
        role: 'editor',
        departmentId: congan.id,
      });
      const cookie = await login(server.url, editor.username, 'cong-an-mat-khau');
      await expectError(await call(server.url, cookie, 'GET', `/api/reports/${report.id}`), 403, 'forbidden');
      expect(await json<ReportSummary[]>(await call(server.url, cookie, 'GET', '/api/reports'))).toEqual([]);

      // A report nobody has been given yet is hidden from every department, and one given to noivu only
      // is hidden from vhtt.
      const unassigned = await createReport(server.url, { title: 'Chưa giao' }, cookies.office);
      const noivuOnly = await createReport(server.url, { title: 'Chỉ Nội vụ' }, cookies.office);
      await assignSection(server.url, cookies.office, noivuOnly.id, 'kien-nghi', ws.departments.noivu.id);
      for (const who of ['noivu', 'vhtt'] as const) {
        await expectError(await call(server.url, cookies[who], 'GET', `/api/reports/${unassigned.id}`), 403, 'forbidden');
      }
      await expectError(await call(server.url, cookies.vhtt, 'GET', `/api/reports/${noivuOnly.id}`), 403, 'forbidden');
      const idsOf = async (cookieOf: string) =>
        (await json<ReportSummary[]>(await call(server.url, cookieOf, 'GET', '/api/reports'))).map((summary) => summary.id).sort();
      expect(await idsOf(cookies.noivu)).toEqual([report.id, noivuOnly.id].sort());
      expect(await idsOf(cookies.vhtt)).toEqual([report.id]);
      expect(await idsOf(cookie)).toEqual([]);
      expect((await call(server.url, cookies.noivu, 'GET', `/api/reports/${noivuOnly.id}`)).status).toBe(200);

      // The chair, the office and the admin see every report.
      const all = [report.id, unassigned.id, noivuOnly.id].sort();
      for (const who of [cookies.chair, cookies.office, server.adminCookie]) {
        expect(await idsOf(who)).toEqual(all);
        for (const id of all) expect((await call(server.url, who, 'GET', `/api/reports/${id}`)).status).toBe(200);
      }
      // An unknown report is 404 for someone who may see reports, not a hint for someone who may not.
      await expectError(await call(server.url, cookies.chair, 'GET', '/api/reports/khongcobaocao'), 404, 'not_found');
    });
  });

  describe('invalid inputs', () => {
    const newUser = (overrides: Record<string, unknown>) => ({
      username: 'nguoimoi',
      password: 'nguoi-moi-mat-khau',
      displayName: 'Người Mới',
      role: 'editor',
      departmentId: ws.departments.noivu.id,
      ...overrides,
    });

    it('refuses bad accounts with the error format of CONTRACT.md, creating none', async () => {
      const post = (body: unknown) => call(server.url, server.adminCookie, 'POST', '/api/users', body);
      const before = await json<User[]>(await call(server.url, server.adminCookie, 'GET', '/api/users'));

      const unknownRole = await expectError(await post(newUser({ role: 'superadmin' })), 400, 'invalid_input');
      expect(unknownRole.message).toMatch(/^role: /);
      const short = await expectError(await post(newUser({ password: 'ngan' })), 400, 'invalid_input');
      expect(short.message).toMatch(/^password: /);
      await expectError(await post(newUser({ username: 'có dấu cách' })), 400, 'invalid_input');
      await expectError(await post(newUser({ displayName: '   ' })), 400, 'invalid_input');
      await expectError(await post(newUser({ isAdmin: true })), 400, 'invalid_input');
      await expectError(await post(newUser({ password: undefined })), 400, 'invalid_input');
      const taken = await expectError(await post(newUser({ username: 'noivu' })), 409, 'conflict');
      expect(taken.message).toContain('noivu');
      await expectError(await post(newUser({ username: 'NoiVu' })), 409, 'conflict');
      const noDepartment = await expectError(await post(newUser({ departmentId: undefined })), 400, 'bad_request');
      expect(noDepartment.message).toMatch(/^departmentId: /);
      await expectError(await post(newUser({ departmentId: null })), 400, 'bad_request');
      const missing = await expectError(await post(newUser({ departmentId: 'khongcophong' })), 400, 'bad_request');
      expect(missing.message).toContain('khongcophong');
      // A chair or office account with a department that does not exist is refused too.
      await expectError(await post(newUser({ role: 'chair', departmentId: 'khongcophong' })), 400, 'bad_request');

      expect(await json<User[]>(await call(server.url, server.adminCookie, 'GET', '/api/users'))).toEqual(before);
      await expectError(await call(server.url, null, 'POST', '/api/session', { username: 'nguoimoi', password: 'nguoi-moi-mat-khau' }), 401, 'invalid_credentials');
    });

    it('refuses bad changes to accounts, passwords, departments, owners and the workspace', async () => {
      const admin = server.adminCookie;
      const before = await json<User[]>(await call(server.url, admin, 'GET', '/api/users'));
      await expectError(await call(server.url, admin, 'PATCH', `/api/users/${ws.noivu.id}`, { role: 'root' }), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'PATCH', `/api/users/${ws.noivu.id}`, { departmentId: null }), 400, 'bad_request');
      await expectError(await call(server.url, admin, 'PATCH', `/api/users/${ws.noivu.id}`, { departmentId: 'khongcophong' }), 400, 'bad_request');
      await expectError(await call(server.url, admin, 'PATCH', `/api/users/${ws.noivu.id}`, { disabled: 'yes' }), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'PATCH', '/api/users/khongcoai', { disabled: true }), 404, 'not_found');
      await expectError(await call(server.url, admin, 'PUT', `/api/users/${ws.noivu.id}/password`, { password: 'ngan' }), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'PUT', '/api/users/khongcoai/password', { password: 'du-dai-roi-day' }), 404, 'not_found');
      expect(await json<User[]>(await call(server.url, admin, 'GET', '/api/users'))).toEqual(before);
      await login(server.url, ws.noivu.username, ws.noivu.password);

      await expectError(await call(server.url, admin, 'POST', '/api/departments', { name: 'phòng nội vụ' }), 409, 'conflict');
      await expectError(await call(server.url, admin, 'POST', '/api/departments', { name: '' }), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'POST', '/api/departments', {}), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'PATCH', '/api/departments/khongcophong', { name: 'X' }), 404, 'not_found');

      const owner = (ownerDepartmentId: unknown) =>
        call(server.url, admin, 'PUT', `/api/reports/${report.id}/sections/ket-qua`, { ownerDepartmentId });
      await expectError(await owner('khongcophong'), 400, 'bad_request');
      await expectError(await owner(42), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'PUT', `/api/reports/${report.id}/sections/khongco`, { ownerDepartmentId: null }), 404, 'not_found');
      await expectError(
        await call(server.url, admin, 'PUT', `/api/reports/khongcobaocao/sections/ket-qua`, { ownerDepartmentId: null }),
        404,
        'not_found',
      );
      const fetched = await json<Report>(await call(server.url, admin, 'GET', `/api/reports/${report.id}`));
      expect(fetched.sections.find((section) => section.id === 'ket-qua')?.ownerDepartmentId).toBe(ws.departments.vhtt.id);

      await expectError(await call(server.url, admin, 'PUT', '/api/workspace', { agencyName: 'X' }), 400, 'invalid_input');
      await expectError(await call(server.url, admin, 'POST', '/api/reports', { templateId: 'khong-co' }), 404, 'not_found');
      await expectError(await call(server.url, admin, 'POST', '/api/reports', { templateId: 'bao-cao-so-ket', owner: 'x' }), 400, 'invalid_input');
    });

    it('refuses a body that is not JSON, and bad sign-in bodies, in the same format', async () => {
      const raw = (path: string, body: string, cookie: string | null = server.adminCookie) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          body,
        });
      await expectError(await raw('/api/users', '{"username":'), 400, 'bad_request');
      await expectError(await raw('/api/session', '{"username":', null), 400, 'bad_request');
      await expectError(await call(server.url, null, 'POST', '/api/session', { username: 'noivu' }), 400, 'invalid_input');
      await expectError(await call(server.url, null, 'POST', '/api/session', { username: 'noivu', password: 42 }), 400, 'invalid_input');
      await expectError(await call(server.url, null, 'POST', '/api/session', ['noivu', 'x']), 400, 'invalid_input');
    });
  });
});
