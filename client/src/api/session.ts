/** The session calls of the REST API: log in, log out, and who is signed in. */
import type { Me } from '../../../common/account.js';
import { isMe, isSessionAnswer } from './guards.js';
import { requestJson, requestNoContent } from './http.js';

/**
 * Logs in; the server sets the session cookie. A wrong username or password is thrown as an `ApiError`
 * with status 401 (`invalid_credentials`), too many attempts as 429 with `retryAfterSeconds`.
 */
export async function logIn(username: string, password: string): Promise<Me> {
  const answer = await requestJson('/api/session', isSessionAnswer, {
    method: 'POST',
    json: { username, password },
    unauthenticatedIsAnswer: true,
  });
  return answer.user;
}

/** Ends the session; the server clears the cookie. */
export function logOut(): Promise<void> {
  return requestNoContent('/api/session', { method: 'DELETE', unauthenticatedIsAnswer: true });
}

/**
 * The person signed in. Without a valid session this throws an `ApiError` with status 401; pass
 * `quiet` when that is an answer rather than news (the first check when the app starts).
 */
export function getMe(options: { signal?: AbortSignal; quiet?: boolean } = {}): Promise<Me> {
  return requestJson('/api/me', isMe, { signal: options.signal, unauthenticatedIsAnswer: options.quiet === true });
}
