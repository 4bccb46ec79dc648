import { CREDENTIALS_ERROR, LOCKED_ERROR_PREFIX, SIGN_IN_UNAVAILABLE, SSO_EMAIL_NOT_VERIFIED } from '@/lib/auth/sign-in-codes';

export type SignInErrorMessage =
  | { key: 'credentials' | 'unavailable' | 'accessDenied' | 'sso' | 'ssoEmailNotVerified' | 'missingFields' }
  | { key: 'locked'; minutes: number };

/** Turns next-auth's error code (from a redirect or signIn()) into which message to show. */
export function signInErrorMessage(code: string | null | undefined): SignInErrorMessage | null {
  if (!code) return null;
  if (code.startsWith(LOCKED_ERROR_PREFIX)) {
    const minutes = Number.parseInt(code.slice(LOCKED_ERROR_PREFIX.length), 10);
    return { key: 'locked', minutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 15 };
  }
  if (code === CREDENTIALS_ERROR) return { key: 'credentials' };
  if (code === SIGN_IN_UNAVAILABLE) return { key: 'unavailable' };
  if (code === 'AccessDenied') return { key: 'accessDenied' };
  if (code === SSO_EMAIL_NOT_VERIFIED) return { key: 'ssoEmailNotVerified' };
  return { key: 'sso' };
}
