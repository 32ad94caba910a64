/**
 * Slows down and then refuses repeated failed logins, per account and per address (issue 3). After a few
 * failures each further attempt waits longer; past a limit, attempts are refused with 429 until the
 * window has passed. A success clears the account's count (not the address's: one good password must not
 * unlock guessing at other accounts from the same place).
 *
 * Kept in memory: per process. With several instances (REDIS_URL, later) it moves to Redis.
 */

export interface ThrottleOptions {
  /** Failures allowed before attempts are slowed down. */
  freeFailures: number;
  /** Failures (per account) after which attempts are refused. */
  accountLimit: number;
  /** Failures (per address) after which attempts are refused; higher: offices share one address. */
  addressLimit: number;
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
  windowMs: 15 * 60_000,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

interface Counter {
  failures: number;
  /** When the window of this counter ends. */
  resetAt: number;
}

/** What to do with a login attempt before checking its password. */
export type ThrottleVerdict = { kind: 'allow'; delayMs: number } | { kind: 'refuse'; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();

  constructor(
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Decides on an attempt at `username` from `address`. */
  check(username: string, address: string): ThrottleVerdict {
    const account = this.current(this.accounts, username.toLowerCase());
    const place = this.current(this.addresses, address);
    const over = (counter: Counter | undefined, limit: number) => counter !== undefined && counter.failures >= limit;
    if (over(account, this.options.accountLimit) || over(place, this.options.addressLimit)) {
      const resetAt = Math.max(account?.resetAt ?? 0, place?.resetAt ?? 0);
      return { kind: 'refuse', retryAfterSeconds: Math.max(1, Math.ceil((resetAt - this.now()) / 1000)) };
    }
    const failures = Math.max(account?.failures ?? 0, place?.failures ?? 0);
    const excess = failures - this.options.freeFailures;
    const delayMs = excess < 0 ? 0 : Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** excess);
    return { kind: 'allow', delayMs };
  }

  failed(username: string, address: string): void {
    this.bump(this.accounts, username.toLowerCase());
    this.bump(this.addresses, address);
  }

  succeeded(username: string): void {
    this.accounts.delete(username.toLowerCase());
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
    // Each failure extends the window: a steady guesser never gets a fresh budget.
    counter.resetAt = this.now() + this.options.windowMs;
    map.set(key, counter);
    this.sweep(map);
  }

  /** Bounds memory: drops expired counters once the map grows. */
  private sweep(map: Map<string, Counter>): void {
    if (map.size < 10_000) return;
    for (const [key, counter] of map) if (counter.resetAt <= this.now()) map.delete(key);
  }
}
