/**
 * The one contract every LoginThrottle passes (STYLE.md, principle 5): in memory and in Redis the same
 * counters, limits, delays and windows. Each implementation's test file calls
 * {@link describeThrottleContract} with a way to open a fresh throttle on a clock the test moves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginThrottle, ThrottleOptions, ThrottleVerdict } from '../../../../server/auth/loginThrottle.js';

export const contractLimits: ThrottleOptions = {
  freeFailures: 2,
  accountLimit: 5,
  addressLimit: 8,
  accountSpreadLimit: 12,
  windowMs: 60_000,
  baseDelayMs: 100,
  maxDelayMs: 400,
};

/** A fresh throttle with no counters, and what to release after the test. */
export interface OpenedThrottle {
  throttle: LoginThrottle;
  cleanup(): Promise<void>;
}

/** Opens a throttle with `limits` whose clock is `now`. */
export type OpenThrottle = (limits: ThrottleOptions, now: () => number) => Promise<OpenedThrottle>;

/** `n` failed attempts begun one after another (never succeeded); returns the verdicts. */
export async function fail(throttle: LoginThrottle, username: string, address: string, n: number): Promise<ThrottleVerdict[]> {
  const verdicts: ThrottleVerdict[] = [];
  for (let i = 0; i < n; i++) verdicts.push(await throttle.begin(username, address));
  return verdicts;
}

const allowed = (verdicts: ThrottleVerdict[]) => verdicts.filter((verdict) => verdict.kind === 'allow').length;

export function describeThrottleContract(name: string, open: OpenThrottle): void {
  describe(`LoginThrottle contract: ${name}`, () => {
    const clock = { now: 1_000_000 };
    let opened: OpenedThrottle | undefined;

    async function throttleAt(start = 1_000_000): Promise<LoginThrottle> {
      clock.now = start;
      opened = await open(contractLimits, () => clock.now);
      return opened.throttle;
    }

    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
    });

    it('allows the first attempts at once, then slows each further one down, doubling up to a cap', async () => {
      const throttle = await throttleAt();
      const delays = (await fail(throttle, 'noivu', '10.0.0.1', 5)).map((verdict) => (verdict.kind === 'allow' ? verdict.delayMs : -1));
      expect(delays).toEqual([0, 0, 100, 200, 400]);
    });

    it('counts an attempt when it begins: of 40 begun together, only the limit is allowed', async () => {
      const throttle = await throttleAt();
      const verdicts = await Promise.all(Array.from({ length: 40 }, () => throttle.begin('noivu', '10.0.0.1')));
      expect(allowed(verdicts)).toBe(contractLimits.accountLimit);
      expect(verdicts.slice(contractLimits.accountLimit).every((verdict) => verdict.kind === 'refuse')).toBe(true);
    });

    it('locks an account out of the address that failed at it, not out of other addresses', async () => {
      const throttle = await throttleAt();
      await fail(throttle, 'NoiVu', '10.0.0.1', 5);
      expect(await throttle.begin('noivu', '10.0.0.1')).toEqual({ kind: 'refuse', retryAfterSeconds: 60 });
      // The owner, elsewhere, is neither refused nor slowed down.
      expect(await throttle.begin('noivu', '10.0.0.2')).toEqual({ kind: 'allow', delayMs: 0 });
      await throttle.succeeded('noivu', '10.0.0.2');
      clock.now += 60_001;
      expect((await throttle.begin('noivu', '10.0.0.1')).kind).toBe('allow');
    });

    it('restarts the window with every failure, but not with a refused attempt', async () => {
      const throttle = await throttleAt();
      await fail(throttle, 'noivu', '10.0.0.1', 4);
      clock.now += 50_000;
      // The fifth failure, 50 s later, keeps all five for a whole window from now.
      expect((await throttle.begin('noivu', '10.0.0.1')).kind).toBe('allow');
      clock.now += 30_000;
      expect(await throttle.begin('noivu', '10.0.0.1')).toEqual({ kind: 'refuse', retryAfterSeconds: 30 });
      // That refusal counted nothing: the window still ends 60 s after the fifth failure.
      clock.now += 29_999;
      expect(await throttle.begin('noivu', '10.0.0.1')).toEqual({ kind: 'refuse', retryAfterSeconds: 1 });
      clock.now += 2;
      // The counters have expired: a fresh start, without a delay.
      expect(await throttle.begin('noivu', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 0 });
    });

    it('refuses an address that tries many accounts, but not other addresses', async () => {
      const throttle = await throttleAt();
      for (let i = 0; i < 8; i++) await throttle.begin(`user${i}`, '10.0.0.1');
      expect((await throttle.begin('someone-else', '10.0.0.1')).kind).toBe('refuse');
      expect((await throttle.begin('someone-else', '10.0.0.2')).kind).toBe('allow');
    });

    it('past the spread limit, lets an account be tried only from addresses that have not failed at it', async () => {
      const throttle = await throttleAt();
      for (let i = 0; i < 4; i++) await fail(throttle, 'noivu', `10.0.1.${i}`, 3);
      // 12 failures from 4 addresses, each below the per-address limits.
      expect((await throttle.begin('noivu', '10.0.1.0')).kind).toBe('refuse');
      expect((await throttle.begin('other', '10.0.1.0')).kind).toBe('allow');
      expect(await throttle.begin('noivu', '10.0.9.9')).toEqual({ kind: 'allow', delayMs: 0 });
      await throttle.succeeded('noivu', '10.0.9.9');
      expect((await throttle.begin('noivu', '10.0.9.8')).kind).toBe('allow');
      // That address failed once: it is held back now.
      expect((await throttle.begin('noivu', '10.0.9.8')).kind).toBe('refuse');
    });

    it('on success forgives the account at that address and gives the attempt back, keeping earlier failures', async () => {
      const throttle = await throttleAt();
      await fail(throttle, 'noivu', '10.0.0.1', 4);
      await throttle.begin('noivu', '10.0.0.1');
      await throttle.succeeded('noivu', '10.0.0.1');
      // The address still has its 4 failures (delay 400 ms); the account's are forgiven at that address.
      expect(await throttle.begin('other', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 400 });
      expect(allowed(await fail(throttle, 'noivu', '10.0.0.2', 5))).toBe(5);
      expect(allowed(await fail(throttle, 'noivu', '10.0.0.3', 2))).toBe(2);
    });

    it("gives a successful attempt back to the address's and the account's counts", async () => {
      const throttle = await throttleAt();
      await fail(throttle, 'noivu', '10.0.0.1', 2);
      await throttle.begin('noivu', '10.0.0.1');
      await throttle.succeeded('noivu', '10.0.0.1');
      // Two failures at the address, not three: the delay of the first one past the free ones.
      expect(await throttle.begin('other', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 100 });
      // 11 failures at the account from four addresses; a success elsewhere leaves it at 11, below the spread limit.
      for (let i = 0; i < 4; i++) await fail(throttle, 'chair', `10.0.3.${i}`, i < 3 ? 3 : 2);
      await throttle.begin('chair', '10.0.9.9');
      await throttle.succeeded('chair', '10.0.9.9');
      expect((await throttle.begin('chair', '10.0.3.0')).kind).toBe('allow');
      expect((await throttle.begin('chair', '10.0.3.1')).kind).toBe('refuse');
    });

    it('gives nothing back once the window has passed: a late success neither goes below zero nor revives a count', async () => {
      const throttle = await throttleAt();
      await fail(throttle, 'noivu', '10.0.0.1', 5);
      clock.now += 60_001;
      await throttle.succeeded('noivu', '10.0.0.1');
      const verdicts = await fail(throttle, 'noivu', '10.0.0.1', 6);
      expect(verdicts.map((verdict) => (verdict.kind === 'allow' ? verdict.delayMs : -1))).toEqual([0, 0, 100, 200, 400, -1]);
    });
  });
}
