import type { CommentKind, CommentStatus, Prisma } from '@/lib/db/generated/client';
import { COMMENT_CHANNEL, type CommentNotice } from '@/lib/realtime/channels';
import { db } from '../client';

type Tx = Prisma.TransactionClient;

export type CommentRow = {
  id: string;
  flowId: string;
  threadId: string | null;
  elementId: string | null;
  elementName: string | null;
  kind: CommentKind;
  body: string;
  status: CommentStatus;
  reason: string | null;
  proposal: unknown;
  addressedToOrganisationId: string | null;
  authorId: string;
  authorName: string;
  decidedById: string | null;
  decidedAt: Date | null;
  appliedVersion: number | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
};

const select = {
  id: true,
  flowId: true,
  threadId: true,
  elementId: true,
  elementName: true,
  kind: true,
  body: true,
  status: true,
  reason: true,
  proposal: true,
  addressedToOrganisationId: true,
  authorId: true,
  decidedById: true,
  decidedAt: true,
  appliedVersion: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { name: true } },
} as const;

type Selected = Prisma.CommentGetPayload<{ select: typeof select }>;

function toRow({ author, ...rest }: Selected): CommentRow {
  return { ...rest, authorName: author.name };
}

/** Every comment of the flow, threads and replies alike, oldest first. */
export async function listCommentRows(flowId: string): Promise<CommentRow[]> {
  const rows = await db.comment.findMany({ where: { flowId }, select, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toRow);
}

/** One comment of this flow, or null (a comment of another flow is as unknown as a missing one). */
export async function findCommentRow(flowId: string, commentId: string): Promise<CommentRow | null> {
  const row = await db.comment.findFirst({ where: { id: commentId, flowId }, select });
  return row ? toRow(row) : null;
}

export type NewComment = {
  flowId: string;
  threadId: string | null;
  elementId: string | null;
  elementName: string | null;
  kind: CommentKind;
  body: string;
  proposal: Prisma.InputJsonValue | undefined;
  addressedToOrganisationId: string | null;
  authorId: string;
  mentionedUserIds: readonly string[];
};

/** Inserts a comment with its mention notices and tells every instance, in one transaction. */
export async function insertComment(input: NewComment): Promise<CommentRow> {
  return db.$transaction(async (tx) => {
    const { mentionedUserIds, ...data } = input;
    const row = await tx.comment.create({ data, select });
    const mentioned = mentionedUserIds.filter((id) => id !== input.authorId);
    if (mentioned.length) {
      await tx.commentNotice.createMany({ data: mentioned.map((userId) => ({ userId, commentId: row.id, kind: 'MENTION' as const })), skipDuplicates: true });
    }
    await notifyComments(tx, input.flowId);
    return toRow(row);
  });
}

export type CommentChange = Prisma.CommentUpdateInput;

/** Updates a comment (status, body, deletion) and tells every instance; `also` runs in the same transaction. */
export async function updateCommentRow(flowId: string, commentId: string, data: CommentChange, tx?: Tx): Promise<CommentRow> {
  const run = async (client: Tx) => {
    const row = await client.comment.update({ where: { id: commentId }, data, select });
    await notifyComments(client, flowId);
    return toRow(row);
  };
  return tx ? run(tx) : db.$transaction(run);
}

/**
 * A suggestion decided (accepted or rejected), and its author told in the app, in one transaction
 * (the commit's own, when accepting applied a change).
 */
export async function decideCommentRow(flowId: string, comment: { id: string; authorId: string }, data: CommentChange, tx?: Tx): Promise<CommentRow> {
  const run = async (client: Tx) => {
    const row = await updateCommentRow(flowId, comment.id, data, client);
    await client.commentNotice.upsert({
      where: { userId_commentId_kind: { userId: comment.authorId, commentId: comment.id, kind: 'DECIDED' } },
      create: { userId: comment.authorId, commentId: comment.id, kind: 'DECIDED' },
      update: { seenAt: null, createdAt: new Date() },
    });
    return row;
  };
  return tx ? run(tx) : db.$transaction(run);
}

export async function notifyComments(client: Tx | typeof db, flowId: string): Promise<void> {
  const notice: CommentNotice = { flowId };
  await client.$executeRaw`SELECT pg_notify(${COMMENT_CHANNEL}, ${JSON.stringify(notice)})`;
}

/** Changes whenever a comment of the flow is added, changed or deleted: what a stream compares to catch up. */
export async function commentStamp(flowId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ n: bigint; last: Date | null }[]>`
    SELECT count(*) AS n, max("updatedAt") AS last FROM "Comment" WHERE "flowId" = ${flowId}`;
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? ''}`;
}

export type FlowPerson = { id: string; name: string; email: string };

/** Everyone who may see the flow (members of its organisations): who can be @mentioned in it. */
export async function listFlowPeople(flowId: string): Promise<FlowPerson[]> {
  return db.$queryRaw<FlowPerson[]>`
    SELECT DISTINCT u."id", u."name", u."email" FROM "User" u
    JOIN "Membership" m ON m."userId" = u."id"
    JOIN "FlowParticipant" fp ON fp."organisationId" = m."organisationId" AND fp."flowId" = ${flowId}
    WHERE u."disabledAt" IS NULL
    ORDER BY u."name"`;
}

/** Where to e-mail the author of a decided suggestion. */
export async function findAuthorEmail(userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}
