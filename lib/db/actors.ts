import type { Access, Actor } from '@/lib/auth/policy';
import { readRows } from './client';

type Memberships = Actor['memberships'];

/** The actor policy needs: the user and their access in each organisation. */
export async function loadActor(userId: string): Promise<Actor> {
  const memberships = await readRows<{ organisationId: string; access: Access; approver: boolean }>(
    `SELECT "organisationId", "access"::text AS "access", "approver" FROM "Membership" WHERE "userId" = $1`,
    [userId],
  );
  return { userId, memberships };
}

/**
 * The memberships of the user whose id `userId` names, as one JSON column: the API asks for the
 * caller and their memberships in one statement (every request), not one after the other.
 */
export function membershipsColumn(userId: string): string {
  return `coalesce((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'access', m."access", 'approver', m."approver")) FROM "Membership" m WHERE m."userId" = ${userId}), '[]')`;
}

export type SessionCallerRow = { id: string; email: string; name: string; disabled: boolean; sessionVersion: number; memberships: Memberships };

/** A session's user as the session check needs it, with their memberships; null when there is no such user. */
export async function findSessionCaller(userId: string): Promise<SessionCallerRow | null> {
  const [row] = await readRows<SessionCallerRow>(
    `SELECT u."id", u."email", u."name", u."disabledAt" IS NOT NULL AS "disabled", u."sessionVersion", ${membershipsColumn('u."id"')} AS "memberships"
     FROM "User" u WHERE u."id" = $1`,
    [userId],
  );
  return row ?? null;
}
