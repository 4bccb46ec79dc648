import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { authOptions } from './options';

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user of this request (cookie session), or null. A disabled account counts as signed out. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** For pages and server actions: the user, or a redirect to sign-in that returns here afterwards. */
export async function requireSessionUser(callbackPath = '/'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
