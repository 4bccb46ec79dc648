import type { Account, Session, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { makeOrganisation, makeUser } from '@/lib/db/flows/flow-test-data';
import { removeMember } from '@/lib/db/memberships';
import { endSessions } from '@/lib/db/session-versions';
import { authOptions } from './options';
import { sessionUserOf } from './session';

const credentialsAccount = { provider: 'credentials', type: 'credentials', providerAccountId: 'x' } as Account;

/** What a sign-in writes into the cookie, and what getServerSession then hands getSessionUser. */
async function signIn(userId: string): Promise<{ token: JWT; session: Session }> {
  const token = (await authOptions.callbacks!.jwt!({ token: {} as JWT, user: { id: userId } as User, account: credentialsAccount })) as JWT;
  const session = (await authOptions.callbacks!.session!({ session: { user: { name: 'x' }, expires: '' }, token } as never)) as Session;
  return { token, session };
}

describe('session generations', () => {
  it('a session works until the user signs out, and a new sign-in works again', async () => {
    const { userId } = await makeUser({});
    const first = await signIn(userId);
    const other = await signIn(userId); // the same person in a second browser
    expect(first.token.sv).toBe(0);
    expect(await sessionUserOf(first.session)).toMatchObject({ id: userId });

    await authOptions.events!.signOut!({ token: first.token, session: first.session });
    expect(await sessionUserOf(first.session)).toBeNull();
    expect(await sessionUserOf(other.session)).toBeNull();

    const again = await signIn(userId);
    expect(again.token.sv).toBe(1);
    expect(await sessionUserOf(again.session)).toMatchObject({ id: userId });
  });

  it('"sign out everywhere" (endSessions) and a new password end the sessions made before', async () => {
    const { userId } = await makeUser({});
    const before = await signIn(userId);
    await endSessions(userId);
    expect(await sessionUserOf(before.session)).toBeNull();

    const withOldPassword = await signIn(userId);
    await db.user.update({ where: { id: userId }, data: { passwordHash: 'new-hash' } });
    expect(await sessionUserOf(withOldPassword.session)).toBeNull();
    const unrelated = await signIn(userId);
    await db.user.update({ where: { id: userId }, data: { name: 'Nytt namn', passwordHash: 'new-hash' } });
    expect(await sessionUserOf(unrelated.session)).toMatchObject({ name: 'Nytt namn' });
  });

  it('an admin removing a member ends that member’s sessions, not the admin’s', async () => {
    const org = await makeOrganisation();
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    const member = await makeUser({ [org.id]: 'EDITOR' });
    const [adminSession, memberSession] = [await signIn(admin.userId), await signIn(member.userId)];
    await removeMember(admin, { organisationId: org.id, userId: member.userId });
    expect(await sessionUserOf(memberSession.session)).toBeNull();
    expect(await sessionUserOf(adminSession.session)).toMatchObject({ id: admin.userId });
  });

  it('a cookie from before session generations (no version in it) counts as signed out', async () => {
    const { userId } = await makeUser({});
    expect(await sessionUserOf({ user: { id: userId }, expires: '' } as Session)).toBeNull();
  });
});
