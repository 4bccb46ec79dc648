import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** The session generation the cookie was issued in (User.sessionVersion at sign-in). */
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    /** The session generation (User.sessionVersion) at sign-in. */
    sv?: number;
  }
}
