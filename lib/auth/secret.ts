import { env } from '@/lib/env';

// A fixed secret only for development and tests, so `npm run dev` works out of the box. Anyone holding
// it can forge sessions, which is why production refuses to start without its own.
const DEV_SECRET = 'stafett-development-secret-do-not-use-in-production';

function resolveSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    // `next build` loads modules without runtime secrets; the server itself must have one.
    if (env.NEXT_PHASE === 'phase-production-build') return DEV_SECRET;
    throw new Error(
      'NEXTAUTH_SECRET is not set. Stafett refuses to start in production without it: set NEXTAUTH_SECRET ' +
        'to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).',
    );
  }
  if (env.NODE_ENV === 'development') {
    console.warn('[auth] NEXTAUTH_SECRET is not set; using a fixed development secret. Never do this in production.');
  }
  return DEV_SECRET;
}

/** Signs and encrypts session JWTs; shared by next-auth and the proxy that reads the session cookie. */
export const authSecret: string = resolveSecret();
