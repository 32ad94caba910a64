import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottleOptions } from '../../../../server/auth/loginThrottle.js';

const options: ThrottleOptions = {
  freeFailures: 2,
  accountLimit: 5,
  addressLimit: 8,
  accountSpreadLimit: 12,
  windowMs: 60_000,
  baseDelayMs: 100,
  maxDelayMs: 400,
};

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  return { throttle: new LoginThrottle(options, () => clock.now), clock };
}

/** `n` failed attempts (begun, never succeeded); returns the verdicts. */
function fail(throttle: LoginThrottle, username: string, address: string, n: number) {
  return Array.from({ length: n }, () => throttle.begin(username, address));
}

describe('LoginThrottle', () => {
  it('allows the first attempts at once, then slows each further one down, doubling up to a cap', () => {
    const { throttle } = throttleAt();
    const delays = fail(throttle, 'noivu', '10.0.0.1', 5).map((verdict) => (verdict.kind === 'allow' ? verdict.delayMs : -1));
    expect(delays).toEqual([0, 0, 100, 200, 400]);
  });

  it('counts an attempt when it begins: of 40 begun together, only the limit is allowed', () => {
    const { throttle } = throttleAt();
    const verdicts = fail(throttle, 'noivu', '10.0.0.1', 40);
    expect(verdicts.filter((verdict) => verdict.kind === 'allow')).toHaveLength(options.accountLimit);
    expect(verdicts.slice(options.accountLimit).every((verdict) => verdict.kind === 'refuse')).toBe(true);
  });

  it('locks an account out of the address that failed at it, not out of other addresses', () => {
    const { throttle, clock } = throttleAt();
    fail(throttle, 'NoiVu', '10.0.0.1', 5);
    expect(throttle.begin('noivu', '10.0.0.1')).toEqual({ kind: 'refuse', retryAfterSeconds: 60 });
    // The owner, elsewhere, is neither refused nor slowed down.
    expect(throttle.begin('noivu', '10.0.0.2')).toEqual({ kind: 'allow', delayMs: 0 });
    throttle.succeeded('noivu', '10.0.0.2');
    clock.now += 60_001;
    expect(throttle.begin('noivu', '10.0.0.1').kind).toBe('allow');
  });

  it('refuses an address that tries many accounts, but not other addresses', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 8; i++) throttle.begin(`user${i}`, '10.0.0.1');
    expect(throttle.begin('someone-else', '10.0.0.1').kind).toBe('refuse');
    expect(throttle.begin('someone-else', '10.0.0.2').kind).toBe('allow');
  });

  it('past the spread limit, lets an account be tried only from addresses that have not failed at it', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 4; i++) fail(throttle, 'noivu', `10.0.1.${i}`, 3);
    // 12 failures from 4 addresses, each below the per-address limits.
    expect(throttle.begin('noivu', '10.0.1.0').kind).toBe('refuse');
    expect(throttle.begin('other', '10.0.1.0').kind).toBe('allow');
    expect(throttle.begin('noivu', '10.0.9.9')).toEqual({ kind: 'allow', delayMs: 0 });
    throttle.succeeded('noivu', '10.0.9.9');
    expect(throttle.begin('noivu', '10.0.9.8').kind).toBe('allow');
    // That address failed once: it is held back now.
    expect(throttle.begin('noivu', '10.0.9.8').kind).toBe('refuse');
  });

  it('on success forgives the account at that address and gives the attempt back, keeping earlier failures', () => {
    const { throttle } = throttleAt();
    fail(throttle, 'noivu', '10.0.0.1', 4);
    throttle.begin('noivu', '10.0.0.1');
    throttle.succeeded('noivu', '10.0.0.1');
    // The address still has its 4 failures (delay 400 ms); the account's are forgiven at that address.
    expect(throttle.begin('other', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 400 });
    expect(fail(throttle, 'noivu', '10.0.0.2', 5).every((verdict) => verdict.kind === 'allow')).toBe(true);
    expect(fail(throttle, 'noivu', '10.0.0.3', 2).every((verdict) => verdict.kind === 'allow')).toBe(true);
  });
});
