import { minutesUntil, type ThrottleLimits } from '@/lib/domain/sign-in-throttle';
import { recordLoginAttempt } from '@/lib/db/login-attempts';
import { findUserForSignIn } from '@/lib/db/users';
import { signInSchema } from '@/lib/validation/auth';
import { hashPassword, verifyPassword } from './password';
import { checkSignInThrottle, SignInLockedError, throttleLimits } from './sign-in-throttle';

export type AuthorizedUser = { id: string; email: string; name: string };

export type AuthorizeContext = {
  ip: string;
  /** Injectable clock: tests prove lock-out and its expiry without sleeping. */
  now?: () => Date;
  limits?: ThrottleLimits;
};

// Verifying against a throw-away hash when the account does not exist keeps the answer time the
// same, so timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('stafett-no-such-account');
  return dummyHash;
}

/**
 * The credentials check behind next-auth's authorize: null for a wrong email or password or a
 * disabled account (one message for all, so nothing leaks), SignInLockedError while throttled
 * (even with the right password). Every attempt is recorded.
 */
export async function authorizeCredentials(raw: unknown, ctx: AuthorizeContext): Promise<AuthorizedUser | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const now = (ctx.now ?? (() => new Date()))();
  const limits = ctx.limits ?? throttleLimits();

  const decision = await checkSignInThrottle(email, ctx.ip, now, limits);
  if (!decision.allowed) {
    await recordLoginAttempt({ email, ip: ctx.ip, succeeded: false, at: now });
    throw new SignInLockedError(decision.retryAt, minutesUntil(decision.retryAt, now));
  }

  const user = await findUserForSignIn(email);
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  const ok = Boolean(user && !user.disabled && passwordOk);
  await recordLoginAttempt({ email, ip: ctx.ip, succeeded: ok, at: now });
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
