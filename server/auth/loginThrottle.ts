/**
 * Slows down and then refuses repeated failed logins (issues 3 and 8). Three counters, each over a sliding
 * window that every failure extends (a steady guesser never gets a fresh budget):
 *
 * - per account *and* address: past `accountLimit` failures that address may no longer try that account.
 *   Keyed by both so that someone who knows a username cannot lock its owner out from elsewhere: the right
 *   password from an address that has not failed still signs in.
 * - per address: past `addressLimit` failures (at any accounts) the address is refused altogether.
 * - per account, from every address: past `accountSpreadLimit` failures only addresses that have not yet
 *   failed at the account may try it, once each — which bounds guessing spread over many addresses without
 *   locking out the owner.
 *
 * An attempt is counted when it starts, before its (slow, asynchronous) password check, and given back
 * when it succeeds (issue 8: 40 parallel guesses were all checked because the count was taken before any
 * of them had failed). The checks and the count are one atomic step, so parallel requests see each other's
 * attempts. A refused attempt is not counted: it does not extend the window.
 *
 * This file is the contract; it is kept in memory by one process (memoryLoginThrottle.ts) or in Redis,
 * shared by every instance (redisLoginThrottle.ts, issue 11); throttleFactory.ts picks one.
 */

export interface ThrottleOptions {
  /** Failures (of the address, or of the account from it) allowed before attempts are slowed down. */
  freeFailures: number;
  /** Failures of one account from one address after which that address may not try that account. */
  accountLimit: number;
  /** Failures from one address, at any accounts, after which it is refused; higher: offices share one address. */
  addressLimit: number;
  /**
   * Failures of one account from all addresses together after which only addresses with no failure at it
   * may try it. Much higher than `accountLimit`: it bounds guessing from many addresses, not one.
   */
  accountSpreadLimit: number;
  /** How long failures are remembered, and a refusal lasts, in ms. */
  windowMs: number;
  /** The delay added per failure past `freeFailures`, in ms, doubling each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 3,
  accountLimit: 10,
  addressLimit: 50,
  accountSpreadLimit: 100,
  windowMs: 15 * 60_000,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

/** What to do with a login attempt before checking its password. */
export type ThrottleVerdict = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

export interface LoginThrottle {
  /**
   * Decides on an attempt at `username` from `address` and, when it is allowed, counts it as a failure
   * in the same atomic step. Call {@link succeeded} if the password turns out right; a failure needs no
   * further call. Rejects (503 `throttle_unavailable`) when the counters cannot be reached: the attempt
   * must then not be checked.
   */
  begin(username: string, address: string): Promise<ThrottleVerdict>;
  /**
   * The attempt begun at `username` from `address` had the right password: the account's failures from
   * that address are forgiven, and the attempt is given back to the address's and the account's counts
   * (their earlier failures stay: one good password must not unlock guessing at other accounts from the
   * same place, nor guessing at this account from other places).
   */
  succeeded(username: string, address: string): Promise<void>;
}

/** The names of an attempt's three counters; usernames are matched without regard to case. */
export function counterKeys(username: string, address: string): { pair: string; address: string; account: string } {
  const account = username.toLowerCase();
  // An address never holds NUL (nor can an HTTP header carry one): the pair's name is unambiguous.
  return { pair: `${address}\u0000${account}`, address, account };
}

/** The delay of an allowed attempt whose address (or account at it) has `failures` already. */
export function delayFor(failures: number, options: ThrottleOptions): number {
  const excess = failures - options.freeFailures;
  return excess < 0 ? 0 : Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** excess);
}

/** The refusal of an attempt held back until `resetAt` (ms): at least one second, for Retry-After. */
export function refusalUntil(resetAt: number, now: number): ThrottleVerdict {
  return { kind: 'refuse', retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}
