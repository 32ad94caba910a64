/**
 * Everyone the access tests sign in as: the seeded workspace's accounts, plus `stranger` — an editor of
 * Công an, a department that owns no section of the test's report.
 */
import type { User } from '../../common/account.js';
import { createDepartment, createUser, login, type SeededWorkspace } from './api.js';

export type Who = 'admin' | 'office' | 'noivu' | 'vhtt' | 'chair' | 'stranger';

/** Creates the stranger and signs everyone in; their cookies, and the stranger's account and department. */
export async function signInEveryone(
  server: { url: string; adminCookie: string },
  ws: SeededWorkspace,
): Promise<{ cookies: Record<Who, string>; stranger: User; strangerDepartmentId: string }> {
  const congan = await createDepartment(server.url, server.adminCookie, 'Công an');
  const stranger = await createUser(server.url, server.adminCookie, {
    username: 'congan',
    password: 'congan-mat-khau',
    displayName: 'Phạm Văn Bình',
    role: 'editor',
    departmentId: congan.id,
  });
  const cookies: Record<Who, string> = {
    admin: server.adminCookie,
    office: await login(server.url, ws.office.username, ws.office.password),
    noivu: await login(server.url, ws.noivu.username, ws.noivu.password),
    vhtt: await login(server.url, ws.vhtt.username, ws.vhtt.password),
    chair: await login(server.url, ws.chair.username, ws.chair.password),
    stranger: await login(server.url, 'congan', 'congan-mat-khau'),
  };
  return { cookies, stranger, strangerDepartmentId: congan.id };
}
