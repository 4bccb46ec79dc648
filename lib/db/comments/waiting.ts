import { organisationsDecidingSuggestions, organisationsSeeingFlows, type Actor } from '@/lib/auth/policy';
import { db } from '../client';

// "What waits for me": open suggestions addressed to an organisation where I decide, and notices for
// me not yet seen (a mention, a decision on my suggestion), only in flows I still see.

export type WaitingItem = {
  /** A suggestion to decide, or a notice (its id, to mark it seen). */
  kind: 'suggestion' | 'mention' | 'decided';
  noticeId: string | null;
  commentId: string;
  flowId: string;
  flowName: string;
  elementId: string | null;
  elementName: string | null;
  authorName: string;
  body: string;
  status: string;
  createdAt: Date;
};

type Row = Omit<WaitingItem, 'kind'> & { kind: string };

export async function listWaitingFor(actor: Actor, limit = 50): Promise<WaitingItem[]> {
  const rows = await waitingRows(actor, limit);
  return rows.map((r) => ({ ...r, kind: r.kind === 'SUGGESTION' ? 'suggestion' : r.kind === 'MENTION' ? 'mention' : 'decided' }));
}

export async function countWaitingFor(actor: Actor): Promise<number> {
  const deciding = organisationsDecidingSuggestions(actor);
  const seeing = organisationsSeeingFlows(actor);
  if (seeing.length === 0) return 0;
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT (
      (SELECT count(*) FROM "Comment" c JOIN "Flow" f ON f."id" = c."flowId"
        WHERE c."kind" = 'SUGGESTION' AND c."status" = 'OPEN' AND c."threadId" IS NULL AND c."deletedAt" IS NULL
          AND f."archivedAt" IS NULL AND c."addressedToOrganisationId" = ANY(${deciding}::text[])
          AND EXISTS (SELECT 1 FROM "FlowParticipant" fp WHERE fp."flowId" = f."id" AND fp."organisationId" = c."addressedToOrganisationId"))
      +
      (SELECT count(*) FROM "CommentNotice" n JOIN "Comment" c ON c."id" = n."commentId" JOIN "Flow" f ON f."id" = c."flowId"
        WHERE n."userId" = ${actor.userId} AND n."seenAt" IS NULL AND c."deletedAt" IS NULL AND f."archivedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "FlowParticipant" fp WHERE fp."flowId" = f."id" AND fp."organisationId" = ANY(${seeing}::text[])))
    ) AS n`;
  return Number(row?.n ?? 0);
}

async function waitingRows(actor: Actor, limit: number): Promise<Row[]> {
  const deciding = organisationsDecidingSuggestions(actor);
  const seeing = organisationsSeeingFlows(actor);
  if (seeing.length === 0) return [];
  return db.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT 'SUGGESTION' AS "kind", NULL::text AS "noticeId", c."id" AS "commentId", f."id" AS "flowId", f."name" AS "flowName",
             c."elementId", c."elementName", u."name" AS "authorName", c."body", c."status"::text AS "status", c."createdAt"
      FROM "Comment" c JOIN "Flow" f ON f."id" = c."flowId" JOIN "User" u ON u."id" = c."authorId"
      WHERE c."kind" = 'SUGGESTION' AND c."status" = 'OPEN' AND c."threadId" IS NULL AND c."deletedAt" IS NULL
        AND f."archivedAt" IS NULL AND c."addressedToOrganisationId" = ANY(${deciding}::text[])
        AND EXISTS (SELECT 1 FROM "FlowParticipant" fp WHERE fp."flowId" = f."id" AND fp."organisationId" = c."addressedToOrganisationId")
      UNION ALL
      SELECT n."kind"::text, n."id", c."id", f."id", f."name", c."elementId", c."elementName",
             CASE WHEN n."kind" = 'DECIDED' THEN coalesce(d."name", u."name") ELSE u."name" END,
             CASE WHEN n."kind" = 'DECIDED' THEN coalesce(c."reason", c."body") ELSE c."body" END,
             coalesce(t."status", c."status")::text, n."createdAt"
      FROM "CommentNotice" n JOIN "Comment" c ON c."id" = n."commentId" JOIN "Flow" f ON f."id" = c."flowId"
        JOIN "User" u ON u."id" = c."authorId" LEFT JOIN "User" d ON d."id" = c."decidedById"
        LEFT JOIN "Comment" t ON t."id" = c."threadId"
      WHERE n."userId" = ${actor.userId} AND n."seenAt" IS NULL AND c."deletedAt" IS NULL AND f."archivedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "FlowParticipant" fp WHERE fp."flowId" = f."id" AND fp."organisationId" = ANY(${seeing}::text[]))
    ) w ORDER BY w."createdAt" DESC LIMIT ${limit}`;
}

/** Marks one of the user's own notices seen; anyone else's is left alone. */
export async function markNoticeSeen(userId: string, noticeId: string): Promise<void> {
  await db.commentNotice.updateMany({ where: { id: noticeId, userId, seenAt: null }, data: { seenAt: new Date() } });
}
