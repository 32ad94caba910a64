/**
 * The login throttle (loginThrottle.ts) kept in this process's memory: right for one instance, and the
 * default. With several instances each would count only its own share of a guesser's attempts, so they
 * share redisLoginThrottle.ts instead (issue 11).
 */
import {
  counterKeys,
  DEFAULT_THROTTLE,
  delayFor,
  refusalUntil,
  type LoginThrottle,
  type ThrottleOptions,
  type ThrottleVerdict,
} from './loginThrottle.js';

interface Counter {
  /** Attempts counted: failures, and attempts whose password is still being checked. */
  failures: number;
  /** When the window of this counter ends. */
  resetAt: number;
}

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly pairs = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly accounts = new Map<string, Counter>();

  constructor(
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Synchronous up to its answer, so parallel attempts in this process see each other's counts. */
  async begin(username: string, address: string): Promise<ThrottleVerdict> {
    const keys = counterKeys(username, address);
    const pair = this.current(this.pairs, keys.pair);
    const place = this.current(this.addresses, keys.address);
    const spread = this.current(this.accounts, keys.account);
    const blockers = [
      overLimit(pair, this.options.accountLimit),
      overLimit(place, this.options.addressLimit),
      // Only addresses that already failed at the account are held back by the spread limit.
      pair === undefined ? undefined : overLimit(spread, this.options.accountSpreadLimit),
    ].filter((counter) => counter !== undefined);
    if (blockers.length > 0) return refusalUntil(Math.max(...blockers.map((counter) => counter.resetAt)), this.now());
    // The delay follows this address's own failures only: guessing elsewhere does not slow the owner down.
    const failures = Math.max(pair?.failures ?? 0, place?.failures ?? 0);
    this.bump(this.pairs, keys.pair);
    this.bump(this.addresses, keys.address);
    this.bump(this.accounts, keys.account);
    return { kind: 'allow', delayMs: delayFor(failures, this.options) };
  }

  async succeeded(username: string, address: string): Promise<void> {
    const keys = counterKeys(username, address);
    this.pairs.delete(keys.pair);
    this.giveBack(this.addresses, keys.address);
    this.giveBack(this.accounts, keys.account);
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
