import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottleOptions } from '../../../../server/auth/loginThrottle.js';

const options: ThrottleOptions = { freeFailures: 2, accountLimit: 5, addressLimit: 8, windowMs: 60_000, baseDelayMs: 100, maxDelayMs: 400 };

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  return { throttle: new LoginThrottle(options, () => clock.now), clock };
}

describe('LoginThrottle', () => {
  it('allows the first attempts at once, then slows each further one down, doubling up to a cap', () => {
    const { throttle } = throttleAt();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const verdict = throttle.check('noivu', '10.0.0.1');
      expect(verdict.kind).toBe('allow');
      delays.push(verdict.kind === 'allow' ? verdict.delayMs : -1);
      throttle.failed('noivu', '10.0.0.1');
    }
    expect(delays).toEqual([0, 0, 100, 200, 400]);
  });

  it('refuses an account after its limit, telling how long to wait, and forgives after the window', () => {
    const { throttle, clock } = throttleAt();
    for (let i = 0; i < 5; i++) throttle.failed('NoiVu', `10.0.0.${i}`);
    const verdict = throttle.check('noivu', '10.0.0.99');
    expect(verdict).toEqual({ kind: 'refuse', retryAfterSeconds: 60 });
    clock.now += 60_001;
    expect(throttle.check('noivu', '10.0.0.99').kind).toBe('allow');
  });

  it('refuses an address that tries many accounts, but not other addresses', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 8; i++) throttle.failed(`user${i}`, '10.0.0.1');
    expect(throttle.check('someone-else', '10.0.0.1').kind).toBe('refuse');
    expect(throttle.check('someone-else', '10.0.0.2').kind).toBe('allow');
  });

  it('clears the account (not the address) on success', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 4; i++) throttle.failed('noivu', '10.0.0.1');
    throttle.succeeded('noivu');
    expect(throttle.check('noivu', '10.0.0.2')).toEqual({ kind: 'allow', delayMs: 0 });
    expect(throttle.check('other', '10.0.0.1')).toEqual({ kind: 'allow', delayMs: 400 });
  });
});
