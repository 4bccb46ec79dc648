import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-error';

describe('signInErrorMessage', () => {
  it.each([
    [null, null],
    ['CredentialsSignin', { key: 'credentials' }],
    ['SignInLocked:12', { key: 'locked', minutes: 12 }],
    ['SignInLocked:nonsense', { key: 'locked', minutes: 15 }],
    ['SignInUnavailable', { key: 'unavailable' }],
    ['AccessDenied', { key: 'accessDenied' }],
    ['SsoEmailNotVerified', { key: 'ssoEmailNotVerified' }],
    ['OAuthCallback', { key: 'sso' }],
  ])('%s → %j', (code, expected) => {
    expect(signInErrorMessage(code)).toEqual(expected);
  });
});
