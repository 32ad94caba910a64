/** Small typed REST calls against a test server, as a signed-in person. */
import type { Department, User } from '../../common/account.js';
import type { Role } from '../../common/access.js';
import type { Report } from '../../common/report.js';

/** Signs in; returns the `Cookie` header value carrying the session. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const pair = setCookie.split(';')[0];
  if (!pair) throw new Error('login: no cookie');
  return pair;
}

/** A JSON call with a session cookie; returns the response. */
export function call(url: string, cookie: string | null, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** A call expected to succeed with `status`; returns the parsed body. */
async function expectOk<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (status === 204 ? undefined : await response.json()) as T;
}

export async function createReport(
  url: string,
  body: { templateId?: string; title?: string } = {},
  cookie: string,
): Promise<Report> {
  const response = await call(url, cookie, 'POST', '/api/reports', { templateId: 'bao-cao-so-ket', ...body });
  return expectOk<Report>(response, 201, 'POST /api/reports');
}

export async function assignSection(url: string, cookie: string, reportId: string, sectionId: string, ownerDepartmentId: string | null) {
  const response = await call(url, cookie, 'PUT', `/api/reports/${reportId}/sections/${sectionId}`, { ownerDepartmentId });
  return expectOk<Report['sections'][number]>(response, 200, 'PUT section owner');
}

export async function createDepartment(url: string, adminCookie: string, name: string): Promise<Department> {
  return expectOk<Department>(await call(url, adminCookie, 'POST', '/api/departments', { name }), 201, 'POST /api/departments');
}

export async function createUser(
  url: string,
  adminCookie: string,
  user: { username: string; password: string; displayName: string; role: Role; departmentId?: string | null },
): Promise<User> {
  return expectOk<User>(await call(url, adminCookie, 'POST', '/api/users', user), 201, 'POST /api/users');
}

export interface Account {
  id: string;
  username: string;
  password: string;
  departmentId: string | null;
}

export interface SeededWorkspace {
  admin: Account;
  office: Account;
  noivu: Account;
  vhtt: Account;
  chair: Account;
  departments: { noivu: Department; vhtt: Department };
}

/** Departments Phòng Nội vụ and Phòng Văn hóa - Thông tin, and an account per role, created over REST. */
export async function seedWorkspace(server: { url: string; adminCookie: string; adminPassword: string }): Promise<SeededWorkspace> {
  const { url, adminCookie } = server;
  const noivu = await createDepartment(url, adminCookie, 'Phòng Nội vụ');
  const vhtt = await createDepartment(url, adminCookie, 'Phòng Văn hóa - Thông tin');
  const make = async (username: string, displayName: string, role: Role, departmentId: string | null): Promise<Account> => {
    const password = `${username}-mat-khau`;
    const user = await createUser(url, adminCookie, { username, password, displayName, role, departmentId });
    return { id: user.id, username, password, departmentId };
  };
  const me = (await (await call(url, adminCookie, 'GET', '/api/me')).json()) as { id: string };
  return {
    admin: { id: me.id, username: 'admin', password: server.adminPassword, departmentId: null },
    office: await make('vanphong', 'Nguyễn Thị Thu', 'office', null),
    noivu: await make('noivu', 'Lê Văn Nam', 'editor', noivu.id),
    vhtt: await make('vhtt', 'Trần Thị Thủy', 'editor', vhtt.id),
    chair: await make('chutich', 'Trương Thị Diệp', 'chair', null),
    departments: { noivu, vhtt },
  };
}
