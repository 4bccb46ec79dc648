import { describe, expect, it } from 'vitest';
import { isPublicPath, signInPathFor } from './public-paths';

describe('isPublicPath', () => {
  it.each(['/signin', '/signout', '/api/health', '/api/me', '/api/auth/callback/credentials', '/invitations/abc123', '/guest/ABC234.token', '/presentation-ended', '/_next/static/chunk.js', '/favicon.ico', '/logo.svg'])(
    '%s is reachable signed out',
    (path) => expect(isPublicPath(path)).toBe(true),
  );

  it.each(['/', '/profile', '/flows/new', '/flows/abc/edit', '/organisations/x', '/signinx', '/apix', '/guestx', '/flows/abc/present'])('%s needs a session', (path) =>
    expect(isPublicPath(path)).toBe(false),
  );
});

describe('signInPathFor', () => {
  it('keeps the path and query to come back to', () => {
    expect(signInPathFor('/flows/abc', '?tab=raci')).toBe('/signin?callbackUrl=%2Fflows%2Fabc%3Ftab%3Draci');
  });
});
