import type { NextAuthOptions } from 'next-auth';

// Filled in by the foundation work: credentials provider (argon2), optional OIDC, JWT sessions,
// user upsert in callbacks. Kept here so lib/auth is the only place that knows next-auth.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  providers: [],
  pages: { signIn: '/signin' },
};
