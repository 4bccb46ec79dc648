import { describe, expect, it } from 'vitest';
import { decideSignIn, lockedUntil, minutesUntil, windowStart, type ThrottleLimits } from './sign-in-throttle';

const limits: ThrottleLimits = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowMinutes: 15 };
const t0 = new Date('2026-11-27T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const times = (n: number, minute = 0) => Array.from({ length: n }, (_, i) => at(minute + i / 60));

describe('lockedUntil', () => {
  it('is not locked below the limit', () => {
    expect(lockedUntil(times(4), 5, at(1), 15)).toBeNull();
  });

  it('locks at the limit until the oldest counted failure ages out of the window', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(lockedUntil(failures, 5, at(5), 15)).toEqual(at(15));
  });

  it('with more failures than the limit, counts from the newest', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4), at(6)];
    // Dropping at(0) still leaves 5; the lock lifts only when at(1) ages out too.
    expect(lockedUntil(failures, 5, at(7), 15)).toEqual(at(16));
  });

  it('ignores failures outside the window and in the future', () => {
    const failures = [at(-20), at(-16), at(1), at(2), at(3), at(30)];
    expect(lockedUntil(failures, 4, at(5), 15)).toBeNull();
  });

  it('a failure exactly one window old no longer counts', () => {
    const failures = times(5, 0);
    const until = lockedUntil(failures, 5, at(1), 15)!;
    expect(lockedUntil(failures, 5, until, 15)).toBeNull();
    expect(lockedUntil(failures, 5, new Date(until.getTime() - 1), 15)).not.toBeNull();
  });
});

describe('decideSignIn', () => {
  it('allows when neither account nor address is over its limit', () => {
    expect(decideSignIn({ account: times(4), ip: times(19) }, limits, at(1))).toEqual({ allowed: true });
  });

  it('refuses after 5 failures for the account', () => {
    const d = decideSignIn({ account: times(5), ip: times(5) }, limits, at(1));
    expect(d).toMatchObject({ allowed: false, reason: 'account' });
  });

  it('refuses after 20 failures from one address, whatever the account', () => {
    const d = decideSignIn({ account: [], ip: times(20) }, limits, at(1));
    expect(d).toMatchObject({ allowed: false, reason: 'ip' });
  });

  it('allows again once the window has passed', () => {
    const failures = { account: times(5), ip: times(20) };
    expect(decideSignIn(failures, limits, at(14)).allowed).toBe(false);
    expect(decideSignIn(failures, limits, at(16)).allowed).toBe(true);
  });

  it('when both are locked, reports the later time', () => {
    const d = decideSignIn({ account: times(5, 0), ip: times(20, 3) }, limits, at(4));
    expect(d).toEqual({ allowed: false, reason: 'ip', retryAt: at(18) });
  });
});

describe('helpers', () => {
  it('windowStart is the window length before now', () => {
    expect(windowStart(at(15), limits)).toEqual(t0);
  });

  it('minutesUntil rounds up and is at least 1', () => {
    expect(minutesUntil(at(10.2), at(0))).toBe(11);
    expect(minutesUntil(at(0), at(0))).toBe(1);
  });
});
