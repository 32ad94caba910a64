/** The account calls of the REST API (admin only). */
import type { User } from '../../../common/account.js';
import { api } from '../../../common/api/routes.js';
import type { BodyOf } from '../../../common/api/route.js';
import { call } from './http.js';

/** Every account. */
export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return call(api.listUsers, { signal });
}

/** What the admin gives to create an account (a password of at least `MIN_PASSWORD_LENGTH` characters). */
export type CreateUserInput = BodyOf<typeof api.createUser>;

/** Creates an account; a taken username is refused with 409 `conflict`. */
export function createUser(input: CreateUserInput): Promise<User> {
  return call(api.createUser, { body: input });
}

/** What can change on an account; each field is left out when it stays. */
export type UpdateUserInput = BodyOf<typeof api.updateUser>;

/** Changes an account. */
export function updateUser(id: string, change: UpdateUserInput): Promise<User> {
  return call(api.updateUser, { params: { id }, body: change });
}

/** Sets a new password for an account. */
export function resetPassword(id: string, password: string): Promise<void> {
  return call(api.resetPassword, { params: { id }, body: { password } });
}
