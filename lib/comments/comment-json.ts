import { proposalSchema, type Proposal } from '@/lib/validation/comments';
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
  /** What accepting it changes: a new name, step details (only the fields named), or both. */
  proposal: Proposal | null;
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
  const proposal = proposalOf(row.proposal);
  return {
    ...replyJson(row),
    elementId: row.elementId,
    elementName: row.elementName,
    elementRemoved: row.elementId !== null && !elementExists(row.elementId),
    kind: row.kind === 'SUGGESTION' ? 'suggestion' : 'comment',
    status: row.status.toLowerCase() as CommentJson['status'],
    reason: row.reason,
    proposal,
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

/** A stored proposal, read back through the same schema it was written with (older rows: a name only). */
export function proposalOf(stored: unknown): Proposal | null {
  const parsed = proposalSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
