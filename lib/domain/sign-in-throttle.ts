// Pure rules for throttling password guessing. The database layer loads the recent failures; this
// decides. Kept free of I/O so the windows can be unit-tested exactly.

export type ThrottleLimits = {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMinutes: number;
};

export type RecentFailures = {
  /** Failed attempts for the account since its last success, any order. */
  account: readonly Date[];
  /** Failed attempts from the address, any order. */
  ip: readonly Date[];
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; reason: 'account' | 'ip'; retryAt: Date };

/** Start of the window that counts at `now`. */
export function windowStart(now: Date, limits: ThrottleLimits): Date {
  return new Date(now.getTime() - limits.windowMinutes * 60_000);
}

/**
 * When `max` or more failures fall inside the window, the next attempt is refused until enough of
 * them have aged out that fewer than `max` remain; null when not locked.
 */
export function lockedUntil(failures: readonly Date[], max: number, now: Date, windowMinutes: number): Date | null {
  const windowMs = windowMinutes * 60_000;
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < max) return null;
  // The lock lifts when the failure that made the count reach `max` (counting from the newest) ages out.
  const oldestThatMatters = inWindow[inWindow.length - max]!;
  return new Date(oldestThatMatters + windowMs);
}

export function decideSignIn(failures: RecentFailures, limits: ThrottleLimits, now: Date): ThrottleDecision {
  const account = lockedUntil(failures.account, limits.maxFailuresPerAccount, now, limits.windowMinutes);
  const ip = lockedUntil(failures.ip, limits.maxFailuresPerIp, now, limits.windowMinutes);
  if (!account && !ip) return { allowed: true };
  // Both locked: tell the later time, since that is when an attempt can actually succeed.
  if (account && (!ip || account >= ip)) return { allowed: false, reason: 'account', retryAt: account };
  return { allowed: false, reason: 'ip', retryAt: ip! };
}

/** Whole minutes until `retryAt`, at least 1: what the sign-in page tells the person. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
