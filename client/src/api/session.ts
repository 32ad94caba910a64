/** The session calls of the REST API: log in, log out, and who is signed in. */
import type { Me } from '../../../common/account.js';
import { api } from '../../../common/api/routes.js';
import { call } from './http.js';

/**
 * Logs in; the server sets the session cookie. A wrong username or password is thrown as an `ApiError`
 * with status 401 (`invalid_credentials`), too many attempts as 429 with `retryAfterSeconds`.
 */
export async function logIn(username: string, password: string): Promise<Me> {
  const answer = await call(api.signIn, { body: { username, password }, unauthenticatedIsAnswer: true });
  return answer.user;
}

/** Ends the session; the server clears the cookie. */
export function logOut(): Promise<void> {
  return call(api.signOut, { unauthenticatedIsAnswer: true });
}

/**
 * The person signed in. Without a valid session this throws an `ApiError` with status 401; pass
 * `quiet` when that is an answer rather than news (the first check when the app starts).
 */
export function getMe(options: { signal?: AbortSignal; quiet?: boolean } = {}): Promise<Me> {
  return call(api.me, { signal: options.signal, unauthenticatedIsAnswer: options.quiet === true });
}
