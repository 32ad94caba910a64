/** Signing in: the password check behind the throttle, the same work for unknown and known usernames. */
import type { User } from '../../common/account.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import type { LoginThrottle } from '../auth/loginThrottle.js';
import { invalidCredentials, TooManyAttemptsError } from '../errors.js';
import type { Store } from '../storage/store.js';
import type { SignInOutcome } from '../audit/signInAudit.js';
import { toUser } from './accountService.js';
import { isActive } from './standing.js';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The account whose password this is, or throws: 429 when too many attempts failed, 401 otherwise (also
 * for a disabled account, or an editor of a disabled department: the answer does not tell which usernames
 * exist). The attempt is counted before the password is checked, so parallel guesses all count (issue 8);
 * when the throttle cannot be asked (Redis down, issue 11) the password is not checked at all: 503.
 */
export async function checkLogin(
  store: Store,
  throttle: LoginThrottle,
  username: string,
  password: string,
  address: string,
  /** Told of every attempt that reached the password check (issue 10: the audit log). */
  record: (outcome: SignInOutcome) => Promise<void> = async () => {},
): Promise<User> {
  const verdict = await throttle.begin(username, address);
  if (verdict.kind === 'refuse') throw new TooManyAttemptsError(verdict.retryAfterSeconds);
  if (verdict.delayMs > 0) await wait(verdict.delayMs);
  const user = await store.findUserByUsername(username);
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const refusal = !user ? 'unknown' : !matches ? 'password' : !(await isActive(store, user)) ? 'inactive' : null;
  if (refusal !== null) {
    await record({ kind: 'failed', reason: refusal, username, userId: user?.id ?? null, address });
    throw invalidCredentials();
  }
  await throttle.succeeded(username, address);
  await record({ kind: 'succeeded', userId: user!.id, address });
  return toUser(user!);
}
