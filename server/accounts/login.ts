/** Signing in: the password check behind the throttle, the same work for unknown and known usernames. */
import type { User } from '../../common/account.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import type { LoginThrottle } from '../auth/loginThrottle.js';
import { invalidCredentials, TooManyAttemptsError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { toUser } from './accountService.js';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The account whose password this is, or throws: 429 when too many attempts failed, 401 otherwise (also
 * for a disabled account: the answer does not tell which usernames exist).
 */
export async function checkLogin(
  store: Store,
  throttle: LoginThrottle,
  username: string,
  password: string,
  address: string,
): Promise<User> {
  const verdict = throttle.check(username, address);
  if (verdict.kind === 'refuse') throw new TooManyAttemptsError(verdict.retryAfterSeconds);
  if (verdict.delayMs > 0) await wait(verdict.delayMs);
  const user = await store.findUserByUsername(username);
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches || user.disabled) {
    throttle.failed(username, address);
    throw invalidCredentials();
  }
  throttle.succeeded(username);
  return toUser(user);
}
