import { getServerSession, type Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { findSessionCaller } from '@/lib/db/actors';
import { authOptions } from './options';
import type { Actor } from './policy';

export type SessionUser = { id: string; email: string; name: string };
/** The signed-in user and what policy needs of them, as the API wrapper loads them for each request. */
export type Caller = { user: SessionUser; actor: Actor };

/**
 * The signed-in user of this request (cookie session), or null. A disabled account counts as signed
 * out, and so does a session of an older generation (signed out, signed out everywhere, removed, new
 * password): the same primary-key lookup that loads the user reads its generation, so this costs nothing.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  return sessionUserOf(await getServerSession(authOptions));
}

/** getSessionUser with the user's memberships, read in the same statement (the API wrapper). */
export async function getSessionCaller(): Promise<Caller | null> {
  return sessionCallerOf(await getServerSession(authOptions));
}

/** What getSessionUser decides about a decoded session: apart, so a test needs no request. */
export async function sessionUserOf(session: Session | null): Promise<SessionUser | null> {
  return (await sessionCallerOf(session))?.user ?? null;
}

async function sessionCallerOf(session: Session | null): Promise<Caller | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const row = await findSessionCaller(id);
  if (!row || row.disabled || row.sessionVersion !== session.sessionVersion) return null;
  return { user: { id: row.id, email: row.email, name: row.name }, actor: { userId: row.id, memberships: row.memberships } };
}

/** For pages and server actions: the user, or a redirect to sign-in that returns here afterwards. */
export async function requireSessionUser(callbackPath = '/'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
