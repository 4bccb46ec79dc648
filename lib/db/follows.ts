import { organisationsSeeingFlows, type Actor } from '@/lib/auth/policy';
import { db } from './client';

// Flows a user follows, and what happened in them since the user last had them open: the home page's
// notifications of changes (issue 15). "Seen" moves on whenever the flow is on the user's screen (the
// page is rendered, or the screen says it is still there), so what they watched live is not news.

export type FollowedUpdate = {
  flowId: string;
  flowName: string;
  seenVersion: number;
  headVersion: number;
  /** Committed changes by others since seenVersion, and a few of their authors' names. */
  changes: number;
  authors: string[];
  /** A version published, or sent for approval, since the user last looked; null when none. */
  publishedVersion: number | null;
  approvalVersion: number | null;
};

/** Follows the flow from its head now: only what happens from here on is news. The caller checked flow.view. */
export async function followFlow(userId: string, flowId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "FlowFollow" ("userId", "flowId", "seenVersion", "seenAt")
    SELECT ${userId}, f."id", f."headVersion", now() FROM "Flow" f WHERE f."id" = ${flowId}
    ON CONFLICT ("userId", "flowId") DO NOTHING`;
}

export async function unfollowFlow(userId: string, flowId: string): Promise<void> {
  await db.flowFollow.deleteMany({ where: { userId, flowId } });
}

export async function isFollowing(userId: string, flowId: string): Promise<boolean> {
  return (await db.flowFollow.count({ where: { userId, flowId } })) > 0;
}

/** The user has the flow in front of them: nothing up to its head is news any more. A no-op for a flow not followed. */
export async function markFlowSeen(userId: string, flowId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "FlowFollow" ff SET "seenVersion" = f."headVersion", "seenAt" = now()
    FROM "Flow" f WHERE f."id" = ff."flowId" AND ff."userId" = ${userId} AND ff."flowId" = ${flowId}`;
}

type Row = Omit<FollowedUpdate, 'changes'> & { changes: bigint };

/** Followed flows, still visible to the user, where others changed, sent or published something since they looked. */
export async function listFollowedUpdates(actor: Actor): Promise<FollowedUpdate[]> {
  const seeing = organisationsSeeingFlows(actor);
  if (seeing.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT f."id" AS "flowId", f."name" AS "flowName", ff."seenVersion", f."headVersion",
           (SELECT count(*) FROM "FlowChange" c WHERE c."flowId" = f."id" AND c."version" > ff."seenVersion" AND c."authorId" <> ${actor.userId}) AS "changes",
           COALESCE((SELECT array_agg(a."name" ORDER BY a."name") FROM (
              SELECT DISTINCT u."name" FROM "FlowChange" c JOIN "User" u ON u."id" = c."authorId"
              WHERE c."flowId" = f."id" AND c."version" > ff."seenVersion" AND c."authorId" <> ${actor.userId} LIMIT 4) a), '{}') AS "authors",
           CASE WHEN f."publishedAt" > ff."seenAt" THEN f."publishedVersion" END AS "publishedVersion",
           (SELECT a."version" FROM "FlowApproval" a
             WHERE a."flowId" = f."id" AND a."status" = 'PENDING' AND a."createdAt" > ff."seenAt" AND a."requestedById" <> ${actor.userId}
             ORDER BY a."createdAt" DESC LIMIT 1) AS "approvalVersion"
    FROM "FlowFollow" ff JOIN "Flow" f ON f."id" = ff."flowId"
    WHERE ff."userId" = ${actor.userId} AND f."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = f."id" AND p."organisationId" = ANY(${seeing}::text[]))
    ORDER BY f."updatedAt" DESC`;
  return rows
    .map((r) => ({ ...r, changes: Number(r.changes) }))
    .filter((r) => r.changes > 0 || r.publishedVersion !== null || r.approvalVersion !== null);
}
