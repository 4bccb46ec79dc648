import { env } from '@/lib/env';
import { decideSignIn, windowStart, type ThrottleDecision, type ThrottleLimits } from '@/lib/domain/sign-in-throttle';
import { loadRecentFailures } from '@/lib/db/login-attempts';
import { resolveClientAddress, type TrustProxy } from './client-address';
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
 * The caller's address for the per-address limit: from X-Forwarded-For only as far as TRUST_PROXY says
 * (see client-address.ts). Without it every caller shares one address, which still caps guessing
 * overall; a caller can neither dodge the limit by rotating the header nor lock someone else's address.
 */
export function clientIpFrom(headers: HeaderBag, trust: TrustProxy = env.TRUST_PROXY): string {
  return resolveClientAddress(header(headers, 'x-forwarded-for'), trust);
}

export async function checkSignInThrottle(email: string, ip: string, now: Date, limits = throttleLimits()): Promise<ThrottleDecision> {
  const failures = await loadRecentFailures(email, ip, windowStart(now, limits), now);
  return decideSignIn(failures, limits, now);
}
