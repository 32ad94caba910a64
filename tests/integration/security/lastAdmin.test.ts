/**
 * Someone must always be able to manage accounts (issue 8): the last enabled admin is neither demoted nor
 * disabled (409 `last_admin`), and an admin does not disable the account it is signed in with (409
 * `own_account`).
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../../../common/account.js';
import { call, createUser, login } from '../../helpers/api.js';
import { startServer, type TestServer } from '../../helpers/startServer.js';
import { expectError } from './support.js';

async function withServer(test: (server: TestServer, adminId: string) => Promise<void>): Promise<void> {
  const server = await startServer();
  try {
    const me = (await (await call(server.url, server.adminCookie, 'GET', '/api/me')).json()) as { id: string };
    await test(server, me.id);
  } finally {
    await server.close();
  }
}

async function userNamed(server: TestServer, username: string, cookie = server.adminCookie): Promise<User> {
  const users = (await (await call(server.url, cookie, 'GET', '/api/users')).json()) as User[];
  return users.find((user) => user.username === username)!;
}

describe('the last enabled admin', () => {
  it('cannot be demoted: 409 last_admin, and nothing changes (it cannot disable itself either: 409 own_account)', async () => {
    await withServer(async (server, adminId) => {
      const demote = await call(server.url, server.adminCookie, 'PATCH', `/api/users/${adminId}`, { role: 'office' });
      const error = await expectError(demote, 409, 'last_admin');
      expect(error.message).toMatch(/last enabled admin/);
      // A disabled admin does not count as one who can manage accounts.
      const other = await createUser(server.url, server.adminCookie, { username: 'qt2', password: 'quan-tri-2-mk', displayName: 'Quản trị 2', role: 'admin' });
      expect((await call(server.url, server.adminCookie, 'PATCH', `/api/users/${other.id}`, { disabled: true })).status).toBe(200);
      await expectError(await call(server.url, server.adminCookie, 'PATCH', `/api/users/${adminId}`, { role: 'chair' }), 409, 'last_admin');
      await expectError(await call(server.url, server.adminCookie, 'PATCH', `/api/users/${adminId}`, { disabled: true }), 409, 'own_account');
      expect(await userNamed(server, 'admin')).toMatchObject({ role: 'admin', disabled: false });
      expect((await call(server.url, server.adminCookie, 'GET', '/api/users')).status).toBe(200);
    });
  });

  it('can go once another admin is enabled, who then cannot', async () => {
    await withServer(async (server, adminId) => {
      const password = 'quan-tri-2-mk';
      const second = await createUser(server.url, server.adminCookie, { username: 'qt2', password, displayName: 'Quản trị 2', role: 'admin' });
      const secondCookie = await login(server.url, 'qt2', password);
      expect((await call(server.url, secondCookie, 'PATCH', `/api/users/${adminId}`, { role: 'office' })).status).toBe(200);
      await expectError(await call(server.url, secondCookie, 'PATCH', `/api/users/${second.id}`, { role: 'office' }), 409, 'last_admin');
      expect(await userNamed(server, 'qt2', secondCookie)).toMatchObject({ role: 'admin', disabled: false });
    });
  });
});

describe('an admin disabling itself', () => {
  it('is refused with 409 own_account even when another admin exists; another admin may disable it', async () => {
    await withServer(async (server, adminId) => {
      const password = 'quan-tri-2-mk';
      await createUser(server.url, server.adminCookie, { username: 'qt2', password, displayName: 'Quản trị 2', role: 'admin' });
      await expectError(await call(server.url, server.adminCookie, 'PATCH', `/api/users/${adminId}`, { disabled: true }), 409, 'own_account');
      expect((await call(server.url, server.adminCookie, 'GET', '/api/me')).status).toBe(200);
      const secondCookie = await login(server.url, 'qt2', password);
      expect((await call(server.url, secondCookie, 'PATCH', `/api/users/${adminId}`, { disabled: true })).status).toBe(200);
      expect((await call(server.url, server.adminCookie, 'GET', '/api/me')).status).toBe(401);
    });
  });
});
