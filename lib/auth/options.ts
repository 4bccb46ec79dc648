import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { env, oidcEnabled } from '@/lib/env';
import { currentSessionVersion, endSessions } from '@/lib/db/session-versions';
import { findUserIdByEmail, upsertSsoUser } from '@/lib/db/users';
import { authorizeCredentials } from './credentials';
import { authSecret } from './secret';
import { SIGN_IN_UNAVAILABLE, SSO_EMAIL_NOT_VERIFIED } from './sign-in-codes';
import { clientIpFrom, SignInLockedError } from './sign-in-throttle';

export const OIDC_PROVIDER_ID = 'oidc';

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'E-post och lösenord',
  credentials: { email: { type: 'email' }, password: { type: 'password' } },
  async authorize(input, req) {
    try {
      return await authorizeCredentials(input, { ip: clientIpFrom(req?.headers ?? {}) });
    } catch (e) {
      // next-auth passes the message to the browser: only our own codes may reach it, never a driver error.
      if (e instanceof SignInLockedError) throw e;
      console.error('[auth] sign-in failed unexpectedly', e);
      throw new Error(SIGN_IN_UNAVAILABLE);
    }
  },
});

/** Generic OpenID Connect (Entra ID, Keycloak …), on only when issuer, client id and secret are all set. */
function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = env.OIDC_ISSUER!.replace(/\/+$/, '');
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? profile.email ?? null };
    },
  };
}

/** OpenID Connect Core §5.1: `email_verified` is a boolean; only `true` vouches for the address. */
function emailVerifiedBy(profile: unknown): boolean {
  return typeof profile === 'object' && profile !== null && (profile as { email_verified?: unknown }).email_verified === true;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  providers: oidcEnabled ? [credentials, oidcProvider()] : [credentials],
  // Errors (e.g. a refused single sign-on) come back to our own page, not next-auth's.
  pages: { signIn: '/signin', error: '/signin' },
  callbacks: {
    // No adapter (Prisma 7's client does not fit them): single sign-on users are upserted here by email.
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!user.email) return false;
      // The account is found by e-mail, so an address the provider has not verified would let anyone
      // who can type it at the provider take over the Stafett account with that address.
      if (!emailVerifiedBy(profile)) return `/signin?error=${SSO_EMAIL_NOT_VERIFIED}`;
      return (await upsertSsoUser({ email: user.email, name: user.name })) !== null;
    },
    async jwt({ token, user, account }) {
      if (user) {
        token.uid = account?.provider === OIDC_PROVIDER_ID && user.email ? ((await findUserIdByEmail(user.email)) ?? undefined) : user.id;
        // The generation this session belongs to: getSessionUser refuses it once the user's has moved on.
        token.sv = token.uid ? ((await currentSessionVersion(token.uid)) ?? undefined) : undefined;
      }
      return token;
    },
    async session({ session, token }) {
      if (token.uid && session.user) session.user.id = token.uid;
      session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    // Clearing the cookie is not enough: a copy of it (a second device, a stolen one) would work
    // until it expires. Moving the generation on ends every session of the user, everywhere.
    async signOut({ token }) {
      if (token?.uid) await endSessions(token.uid);
    },
  },
};
