import { getServerSession, type Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { authOptions } from './options';

export type SessionUser = { id: string; email: string; name: string };

/**
 * The signed-in user of this request (cookie session), or null. A disabled account counts as signed
 * out, and so does a session of an older generation (signed out, signed out everywhere, removed, new
 * password): the same primary-key lookup that loads the user reads its generation, so this costs nothing.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  return sessionUserOf(await getServerSession(authOptions));
}

/** What getSessionUser decides about a decoded session: apart, so a test needs no request. */
export async function sessionUserOf(session: Session | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, disabledAt: true, sessionVersion: true } });
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** For pages and server actions: the user, or a redirect to sign-in that returns here afterwards. */
export async function requireSessionUser(callbackPath = '/'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
