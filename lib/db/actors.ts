import type { Access, Actor } from '@/lib/auth/policy';
import { readRows } from './client';

/** The actor policy needs: the user and their access in each organisation. Every API request asks. */
export async function loadActor(userId: string): Promise<Actor> {
  const memberships = await readRows<{ organisationId: string; access: Access }>(
    `SELECT "organisationId", "access"::text AS "access" FROM "Membership" WHERE "userId" = $1`,
    [userId],
  );
  return { userId, memberships };
}
