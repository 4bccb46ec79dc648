import { env } from '@/lib/env';
import { decideSignIn, windowStart, type ThrottleDecision, type ThrottleLimits } from '@/lib/domain/sign-in-throttle';
import { loadRecentFailures } from '@/lib/db/login-attempts';
import { LOCKED_ERROR_PREFIX } from './sign-in-codes';

export class SignInLockedError extends Error {
  readonly retryAt: Date;
  readonly minutes: number;

  constructor(retryAt: Date, minutes: number) {
    super(`${LOCKED_ERROR_PREFIX}${minutes}`);
    this.name = 'SignInLockedError';
    this.retryAt = retryAt;
    this.minutes = minutes;
  }
}

export function throttleLimits(): ThrottleLimits {
  return {
    maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    windowMinutes: env.LOGIN_LOCKOUT_MINUTES,
  };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's address: the first hop of X-Forwarded-For (the client as the reverse proxy saw it),
 * then X-Real-IP. Behind no proxy neither is set and every caller shares "unknown", which still
 * caps guessing overall.
 */
export function clientIpFrom(headers: HeaderBag): string {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  const real = header(headers, 'x-real-ip')?.trim();
  return (forwarded || real || 'unknown').slice(0, 64);
}

export async function checkSignInThrottle(email: string, ip: string, now: Date, limits = throttleLimits()): Promise<ThrottleDecision> {
  const failures = await loadRecentFailures(email, ip, windowStart(now, limits), now);
  return decideSignIn(failures, limits, now);
}
