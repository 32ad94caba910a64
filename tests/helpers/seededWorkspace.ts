/**
 * The people of a test file that runs on {@link useServer}: the departments and accounts seedWorkspace makes,
 * and signed-in sessions of those accounts — each made once, in `beforeAll` of the enclosing `describe`.
 * Both return getters, like useServer, since what they make exists only once the hooks have run.
 */
import { beforeAll } from 'vitest';
import { login, seedWorkspace, type Account, type SeededWorkspace } from './api.js';
import type { TestServer } from './startServer.js';

/**
 * Seeds Phòng Nội vụ, Phòng Văn hóa - Thông tin and an account per role on the server, once. Call after
 * useServer (its `beforeAll` must have started the server).
 */
export function useSeededWorkspace(server: () => TestServer): () => SeededWorkspace {
  let workspace: SeededWorkspace | undefined;
  beforeAll(async () => {
    workspace = await seedWorkspace(server());
  });
  return () => {
    if (!workspace) throw new Error('useSeededWorkspace: the workspace is seeded in beforeAll');
    return workspace;
  };
}

/**
 * A session cookie of `account`, signed in once over REST. Hooks run in the order they are registered, so
 * call it after what the account (and anything the sign-in must follow) is made by.
 */
export function useSession(server: () => TestServer, account: () => Pick<Account, 'username' | 'password'>): () => string {
  let cookie: string | undefined;
  beforeAll(async () => {
    const { username, password } = account();
    cookie = await login(server().url, username, password);
  });
  return () => {
    if (cookie === undefined) throw new Error('useSession: the account signs in in beforeAll');
    return cookie;
  };
}
