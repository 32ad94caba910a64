/** The account calls of the REST API (admin only). */
import type { Role } from '../../../common/access.js';
import type { User } from '../../../common/account.js';
import { isArrayOf, isUser } from './guards.js';
import { requestJson, requestNoContent } from './http.js';

/** Every account. */
export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return requestJson('/api/users', isArrayOf(isUser), { signal });
}

/** What the admin gives to create an account. */
export interface CreateUserInput {
  username: string;
  /** At least `MIN_PASSWORD_LENGTH` characters. */
  password: string;
  displayName: string;
  role: Role;
  /** The department the person writes for; left out for none. */
  departmentId?: string;
}

/** Creates an account; a taken username is refused with 409 `conflict`. */
export function createUser(input: CreateUserInput): Promise<User> {
  return requestJson('/api/users', isUser, { method: 'POST', json: input });
}

/** What can change on an account; each field is left out when it stays. */
export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  disabled?: boolean;
}

/** Changes an account. */
export function updateUser(id: string, change: UpdateUserInput): Promise<User> {
  return requestJson(`/api/users/${encodeURIComponent(id)}`, isUser, { method: 'PATCH', json: change });
}

/** Sets a new password for an account. */
export function resetPassword(id: string, password: string): Promise<void> {
  return requestNoContent(`/api/users/${encodeURIComponent(id)}/password`, { method: 'PUT', json: { password } });
}
