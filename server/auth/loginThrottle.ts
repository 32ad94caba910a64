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
 * of them had failed). The checks and the count happen in one synchronous step, so parallel requests see
 * each other's attempts.
 *
 * Kept in memory: per process. With several instances (REDIS_URL, later) it moves to Redis.
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

interface Counter {
  /** Attempts counted: failures, and attempts whose password is still being checked. */
  failures: number;
  /** When the window of this counter ends. */
  resetAt: number;
}

/** What to do with a login attempt before checking its password. */
export type ThrottleVerdict = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

export class LoginThrottle {
  /** Keyed by `address␀account`. */
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();

  constructor(
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Decides on an attempt at `username` from `address` and, when it is allowed, counts it as a failure
   * at once. Call {@link succeeded} if the password turns out right; a failure needs no further call.
   */
  begin(username: string, address: string): ThrottleVerdict {
    const account = username.toLowerCase();
    const pairKey = `${address}\u0000${account}`;
    const pair = this.current(this.pairs, pairKey);
    const place = this.current(this.addresses, address);
    const spread = this.current(this.accounts, account);
    const blockers = [
      overLimit(pair, this.options.accountLimit),
      overLimit(place, this.options.addressLimit),
      // Only addresses that already failed at the account are held back by the spread limit.
      pair === undefined ? undefined : overLimit(spread, this.options.accountSpreadLimit),
    ].filter((counter) => counter !== undefined);
    if (blockers.length > 0) {
      const resetAt = Math.max(...blockers.map((counter) => counter.resetAt));
      return { kind: 'refuse', retryAfterSeconds: Math.max(1, Math.ceil((resetAt - this.now()) / 1000)) };
    }
    // The delay follows this address's own failures only: guessing elsewhere does not slow the owner down.
    const failures = Math.max(pair?.failures ?? 0, place?.failures ?? 0);
    this.bump(this.pairs, pairKey);
    this.bump(this.addresses, address);
    this.bump(this.accounts, account);
    const excess = failures - this.options.freeFailures;
    const delayMs = excess < 0 ? 0 : Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** excess);
    return { kind: 'allow', delayMs };
  }

  /**
   * The attempt begun at `username` from `address` had the right password: the account's failures from
   * that address are forgiven, and the attempt is given back to the address's and the account's counts
   * (their earlier failures stay: one good password must not unlock guessing at other accounts from the
   * same place, nor guessing at this account from other places).
   */
  succeeded(username: string, address: string): void {
    const account = username.toLowerCase();
    this.pairs.delete(`${address}\u0000${account}`);
    this.giveBack(this.addresses, address);
    this.giveBack(this.accounts, account);
  }

  private current(map: Map<string, Counter>, key: string): Counter | undefined {
    const counter = map.get(key);
    if (counter && counter.resetAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return counter;
  }

  private bump(map: Map<string, Counter>, key: string): void {
    const counter = this.current(map, key) ?? { failures: 0, resetAt: 0 };
    counter.failures += 1;
    counter.resetAt = this.now() + this.options.windowMs;
    map.set(key, counter);
    this.sweep(map);
  }

  private giveBack(map: Map<string, Counter>, key: string): void {
    const counter = this.current(map, key);
    if (!counter) return;
    counter.failures -= 1;
    if (counter.failures <= 0) map.delete(key);
  }

  /** Bounds memory: drops expired counters once the map grows. */
  private sweep(map: Map<string, Counter>): void {
    if (map.size < 10_000) return;
    for (const [key, counter] of map) if (counter.resetAt <= this.now()) map.delete(key);
  }
}

/** The counter when it has reached `limit`, else undefined. */
function overLimit(counter: Counter | undefined, limit: number): Counter | undefined {
  return counter !== undefined && counter.failures >= limit ? counter : undefined;
}
