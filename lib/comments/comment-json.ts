import type { CommentRow } from '@/lib/db/comments/comments';

// The contract's shape of a comment (issue 14): lower-case kind and status, replies inside their
// thread, and whether the element it is about is still in the flow. Never a raw row.

export type CommentJson = {
  id: string;
  elementId: string | null;
  elementName: string | null;
  elementRemoved: boolean;
  kind: 'comment' | 'suggestion';
  body: string;
  status: 'open' | 'resolved' | 'accepted' | 'rejected';
  reason: string | null;
  proposal: { name: string } | null;
  authorId: string;
  authorName: string;
  addressedToOrganisationId: string | null;
  decidedById: string | null;
  appliedVersion: number | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  replies: ReplyJson[];
};

export type ReplyJson = Pick<CommentJson, 'id' | 'body' | 'authorId' | 'authorName' | 'createdAt' | 'editedAt' | 'deleted'>;

export function replyJson(row: CommentRow): ReplyJson {
  return {
    id: row.id,
    body: row.deletedAt ? '' : row.body,
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
  };
}

export function commentJson(row: CommentRow, replies: readonly CommentRow[], elementExists: (id: string) => boolean): CommentJson {
  const proposal = row.proposal as { name?: unknown } | null;
  return {
    ...replyJson(row),
    elementId: row.elementId,
    elementName: row.elementName,
    elementRemoved: row.elementId !== null && !elementExists(row.elementId),
    kind: row.kind === 'SUGGESTION' ? 'suggestion' : 'comment',
    status: row.status.toLowerCase() as CommentJson['status'],
    reason: row.reason,
    proposal: proposal && typeof proposal.name === 'string' ? { name: proposal.name } : null,
    addressedToOrganisationId: row.addressedToOrganisationId,
    decidedById: row.decidedById,
    appliedVersion: row.appliedVersion,
    replies: replies.map(replyJson),
  };
}

/** Threads with their replies, oldest thread first; a deleted thread without replies is gone for good. */
export function threadsOf(rows: readonly CommentRow[], elementExists: (id: string) => boolean): CommentJson[] {
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) if (row.threadId) (replies.get(row.threadId) ?? replies.set(row.threadId, []).get(row.threadId)!).push(row);
  return rows
    .filter((row) => row.threadId === null)
    .filter((row) => !row.deletedAt || (replies.get(row.id) ?? []).some((r) => !r.deletedAt))
    .map((row) => commentJson(row, (replies.get(row.id) ?? []).filter((r) => !r.deletedAt), elementExists));
}
