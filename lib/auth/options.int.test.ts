import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { db } from '@/lib/db/client';

// env.ts reads the environment once at import, so each case loads the options module afresh.
async function loadOptions(oidc: boolean) {
  vi.resetModules();
  if (oidc) {
    vi.stubEnv('OIDC_ISSUER', 'https://login.example.org/realms/kommun/');
    vi.stubEnv('OIDC_CLIENT_ID', 'stafett');
    vi.stubEnv('OIDC_CLIENT_SECRET', 'hemligt');
    vi.stubEnv('OIDC_NAME', 'Kommunens inloggning');
  }
  return (await import('./options')).authOptions;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const oidcAccount = { provider: 'oidc', type: 'oauth', providerAccountId: 'sub-1' } as Account;
const verified = { sub: 'sub-1', email_verified: true };

describe('authOptions', () => {
  it('has only the credentials provider when single sign-on is not configured', async () => {
    const options = await loadOptions(false);
    expect(options.providers.map((p) => p.id)).toEqual(['credentials']);
    expect(options.session?.strategy).toBe('jwt');
    expect(options.pages?.signIn).toBe('/signin');
  });

  it('adds a generic OpenID Connect provider with PKCE and state when issuer, client id and secret are set', async () => {
    const options = await loadOptions(true);
    const oidc = options.providers.find((p) => p.id === 'oidc') as unknown as Record<string, unknown>;
    expect(oidc).toMatchObject({
      type: 'oauth',
      name: 'Kommunens inloggning',
      wellKnown: 'https://login.example.org/realms/kommun/.well-known/openid-configuration',
      idToken: true,
      checks: ['pkce', 'state'],
    });
  });

  it('on single sign-on creates the user by email once, and puts its id in the token', async () => {
    const options = await loadOptions(true);
    const email = `SSO-${randomUUID().slice(0, 8)}@Kommun.test`;
    const user = { id: 'sub-1', email, name: 'Sara Sso' } as User;
    expect(await options.callbacks!.signIn!({ user, account: oidcAccount, profile: verified })).toBe(true);
    expect(await options.callbacks!.signIn!({ user, account: oidcAccount, profile: verified })).toBe(true);
    const rows = await db.user.findMany({ where: { email: email.toLowerCase() } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Sara Sso', passwordHash: null });

    const token = (await options.callbacks!.jwt!({ token: {} as JWT, user, account: oidcAccount })) as JWT;
    expect(token.uid).toBe(rows[0]!.id);
  });

  it('refuses single sign-on for a disabled account and for a profile without email', async () => {
    const options = await loadOptions(true);
    const email = `sso-off-${randomUUID().slice(0, 8)}@kommun.test`;
    await db.user.create({ data: { email, name: 'Avstängd', disabledAt: new Date() } });
    expect(await options.callbacks!.signIn!({ user: { id: 's', email } as User, account: oidcAccount, profile: verified })).toBe(false);
    expect(await options.callbacks!.signIn!({ user: { id: 's' } as User, account: oidcAccount, profile: verified })).toBe(false);
  });

  it('refuses single sign-on unless the provider says email_verified: true, and links nothing', async () => {
    const options = await loadOptions(true);
    const email = `sso-unverified-${randomUUID().slice(0, 8)}@kommun.test`;
    const existing = await db.user.create({ data: { email, name: 'Har lösenord', passwordHash: 'x' } });
    const user = { id: 'sub-1', email, name: 'Angripare' } as User;
    for (const profile of [{ sub: 's' }, { sub: 's', email_verified: false }, { sub: 's', email_verified: 'true' }, undefined]) {
      expect(await options.callbacks!.signIn!({ user, account: oidcAccount, profile: profile as never })).toBe('/signin?error=SsoEmailNotVerified');
    }
    const other = `sso-new-${randomUUID().slice(0, 8)}@kommun.test`;
    expect(await options.callbacks!.signIn!({ user: { ...user, email: other }, account: oidcAccount, profile: { sub: 's' } })).toBe(
      '/signin?error=SsoEmailNotVerified',
    );
    expect(await db.user.findUnique({ where: { email: other } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: existing.id } })).toMatchObject({ name: 'Har lösenord', passwordHash: 'x' });
  });

  it('for credentials, the token carries the user id and the session exposes it', async () => {
    const options = await loadOptions(false);
    const account = { provider: 'credentials', type: 'credentials', providerAccountId: 'u1' } as Account;
    const token = (await options.callbacks!.jwt!({ token: {} as JWT, user: { id: 'u1' } as User, account })) as JWT;
    expect(token.uid).toBe('u1');
    const session = await options.callbacks!.session!({ session: { user: { name: 'x' }, expires: '' }, token } as never);
    expect((session as { user: { id: string } }).user.id).toBe('u1');
  });
});
