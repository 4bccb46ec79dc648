import { getServerSession } from 'next-auth';
import { authOptions } from './options';

export type SessionClaims = { id: string; name: string; email: string };

/**
 * What the session cookie itself says, without asking the database. Only for chrome that must still
 * render when PostgreSQL is down (the site header); access decisions use getSessionUser().
 */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? user.email ?? '', email: user.email ?? '' };
}
