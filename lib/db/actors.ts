import type { Actor } from '@/lib/auth/policy';
import { db } from './client';

/** The actor policy needs: the user and their access in each organisation. */
export async function loadActor(userId: string): Promise<Actor> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { organisationId: true, access: true, approver: true },
  });
  return { userId, memberships };
}
