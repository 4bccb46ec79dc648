import { canChangeOwnComment, canComment, canDecideSuggestion, canResolveComment, poolRightsOf, type Actor } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import {
  decideCommentRow,
  findCommentRow,
  insertComment,
  listCommentRows,
  listFlowPeople,
  updateCommentRow,
  type CommentRow,
} from '@/lib/db/comments/comments';
import { commitChanges } from '@/lib/db/flows/commit-changes';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { mentionedIn } from '@/lib/domain/comments/mentions';
import { suggestionMessage } from '@/lib/domain/comments/suggestion-link';
import { AppError } from '@/lib/errors';
import { COMMENT_ID, type CreateCommentInput, type UpdateCommentInput } from '@/lib/validation/comments';
import type { Prisma } from '@/lib/db/generated/client';
import { commentJson, proposalOf, replyJson, threadsOf, type CommentJson, type ReplyJson } from './comment-json';
import { elementFacts, headElementIds } from './element-facts';
import { proposalOps } from './proposal-ops';
import { mailDecision, mailMentions } from './comment-mail';

// Comments and suggestions on a flow: policy → the stored head → data access. The flow was loaded
// through policy (flow.view) by the route wrapper; every decision here asks lib/auth/policy.

export async function listFlowComments(flow: FlowDetail): Promise<CommentJson[]> {
  const [rows, ids] = await Promise.all([listCommentRows(flow.id), headElementIds(flow)]);
  return threadsOf(rows, (id) => ids.has(id));
}

function assertMayComment(actor: Actor, flow: FlowDetail) {
  if (!canComment(actor, scopeOf(flow))) throw new AppError('FORBIDDEN', 'You may not comment on this flow.');
}

export async function createComment(actor: Actor, flow: FlowDetail, input: CreateCommentInput): Promise<CommentJson> {
  assertMayComment(actor, flow);
  const facts = input.elementId ? await elementFacts(actor, flow, input.elementId) : null;
  const suggestion = input.kind === 'suggestion';
  if (suggestion && !facts?.organisationId) {
    throw new AppError('INVALID', 'elementId: a suggestion is about an element in an organisation’s pool', { field: 'elementId', reason: 'SUGGESTION_NEEDS_ELEMENT' });
  }
  if (!suggestion && input.proposal) throw new AppError('INVALID', 'proposal: only a suggestion carries a proposal', { field: 'proposal' });
  if (input.proposal?.details && !facts?.isActivity) {
    throw new AppError('INVALID', 'proposal.details: only a step (an activity) has step details', { field: 'proposal.details' });
  }
  const people = await listFlowPeople(flow.id);
  const row = await insertComment({
    flowId: flow.id,
    threadId: null,
    elementId: facts?.elementId ?? null,
    elementName: facts?.name ?? null,
    kind: suggestion ? 'SUGGESTION' : 'COMMENT',
    body: input.body,
    proposal: input.proposal ? (input.proposal as Prisma.InputJsonObject) : undefined,
    // From the element's pool in the stored head; whatever the client sent is not even read.
    addressedToOrganisationId: facts?.organisationId ?? null,
    authorId: actor.userId,
    mentionedUserIds: mentionedIn(input.body, people),
  });
  mailLater(mailMentions(flow, row, people));
  return commentJson(row, [], () => true);
}

/** Mail goes out after the answer; a failure is logged, never the user's problem. */
function mailLater(sending: Promise<void>): void {
  sending.catch((e: unknown) => console.error('comment mail failed', e));
}

async function threadOrNotFound(flow: FlowDetail, commentId: string): Promise<CommentRow> {
  const row = COMMENT_ID.test(commentId) ? await findCommentRow(flow.id, commentId) : null;
  if (!row) throw new AppError('NOT_FOUND', 'No such comment in this flow.');
  return row;
}

export async function replyToComment(actor: Actor, flow: FlowDetail, commentId: string, body: string): Promise<ReplyJson> {
  assertMayComment(actor, flow);
  const target = await threadOrNotFound(flow, commentId);
  // A reply to a reply joins the same thread: threads are one level deep.
  const thread = target.threadId ? await threadOrNotFound(flow, target.threadId) : target;
  if (thread.deletedAt) throw new AppError('CONFLICT', 'This comment was deleted.', { reason: 'COMMENT_DELETED' });
  const people = await listFlowPeople(flow.id);
  const row = await insertComment({
    flowId: flow.id,
    threadId: thread.id,
    elementId: thread.elementId,
    elementName: thread.elementName,
    kind: 'COMMENT',
    body,
    proposal: undefined,
    addressedToOrganisationId: thread.addressedToOrganisationId,
    authorId: actor.userId,
    mentionedUserIds: mentionedIn(body, people),
  });
  mailLater(mailMentions(flow, row, people));
  return replyJson(row);
}

/** PATCH: a status change (resolve, reopen, accept, reject) or an edit of one's own body. */
export async function updateComment(actor: Actor, flow: FlowDetail, commentId: string, input: UpdateCommentInput): Promise<CommentJson | ReplyJson> {
  const row = await threadOrNotFound(flow, commentId);
  if (row.deletedAt) throw new AppError('CONFLICT', 'This comment was deleted.', { reason: 'COMMENT_DELETED' });
  const scope = { authorId: row.authorId, addressedToOrganisationId: row.addressedToOrganisationId };
  if ('body' in input) {
    if (!canChangeOwnComment(actor, scopeOf(flow), scope)) throw new AppError('FORBIDDEN', 'Only its author may edit a comment.');
    const updated = await updateCommentRow(flow.id, row.id, { body: input.body, editedAt: new Date() });
    return row.threadId ? replyJson(updated) : await asJson(flow, updated);
  }
  if (row.threadId) throw new AppError('INVALID', 'status: a reply has no status of its own; change its thread', { field: 'status' });
  const { status, reason } = input;
  if (status === 'accepted' || status === 'rejected') return decideSuggestion(actor, flow, row, status, reason);
  if (!canResolveComment(actor, scopeOf(flow), scope) && !(row.status === 'REJECTED' && canDecideSuggestion(actor, scope))) {
    throw new AppError('FORBIDDEN', 'The author or an editor of the flow’s organisations may resolve or reopen a comment.');
  }
  if (row.status === 'ACCEPTED') throw new AppError('CONFLICT', 'An accepted suggestion is part of the flow; it cannot be reopened.', { reason: 'ALREADY_DECIDED' });
  const next = status === 'resolved' ? 'RESOLVED' : 'OPEN';
  const updated = await updateCommentRow(flow.id, row.id, { status: next, ...(next === 'OPEN' ? { reason: null, decidedAt: null, decidedBy: { disconnect: true } } : {}) });
  return asJson(flow, updated);
}

async function asJson(flow: FlowDetail, row: CommentRow): Promise<CommentJson> {
  const ids = await headElementIds(flow);
  return commentJson(row, [], (id) => ids.has(id));
}

async function decideSuggestion(actor: Actor, flow: FlowDetail, row: CommentRow, status: 'accepted' | 'rejected', reason: string | undefined): Promise<CommentJson> {
  if (row.kind !== 'SUGGESTION') throw new AppError('INVALID', 'status: only a suggestion is accepted or rejected', { field: 'status' });
  if (!canDecideSuggestion(actor, { authorId: row.authorId, addressedToOrganisationId: row.addressedToOrganisationId })) {
    throw new AppError('FORBIDDEN', 'Only editors and admins of the organisation the suggestion is addressed to may accept or reject it.', { reason: 'NOT_ADDRESSED_TO_YOU' });
  }
  if (row.status !== 'OPEN') throw new AppError('CONFLICT', 'This suggestion is not open any more.', { reason: 'ALREADY_DECIDED' });
  const decided = { decidedBy: { connect: { id: actor.userId } }, decidedAt: new Date() };
  let updated: CommentRow;
  if (status === 'rejected') {
    if (!reason) throw new AppError('INVALID', 'reason: say why the suggestion is rejected', { field: 'reason' });
    updated = await decideCommentRow(flow.id, row, { status: 'REJECTED', reason, ...decided });
  } else {
    updated = await acceptSuggestion(actor, flow, row, decided, reason);
  }
  mailLater(mailDecision(flow, updated));
  return asJson(flow, updated);
}

/**
 * A proposal is applied as the accepting user's own change, through the ONE commit path (their pool
 * rights, the head's lock, the log, a revision naming the suggestion); the comment is marked accepted
 * in the same transaction, so a refused change leaves the suggestion open.
 */
async function acceptSuggestion(
  actor: Actor,
  flow: FlowDetail,
  row: CommentRow,
  decided: { decidedBy: { connect: { id: string } }; decidedAt: Date },
  reason: string | undefined,
): Promise<CommentRow> {
  const proposal = proposalOf(row.proposal);
  if (proposal === null || row.elementId === null) return decideCommentRow(flow.id, row, { status: 'ACCEPTED', reason: reason ?? null, ...decided });
  const elementId = row.elementId;
  let updated: CommentRow | null = null;
  await commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: `suggestion-${row.id}`,
    rights: poolRightsOf(actor, scopeOf(flow)),
    ops: (head) => {
      if (!head.state.byId.has(elementId)) {
        throw new AppError('CONFLICT', 'The element this suggestion is about was removed from the flow.', { reason: 'ELEMENT_REMOVED', elementIds: [elementId] });
      }
      return proposalOps(head.state, elementId, proposal);
    },
    revision: { message: suggestionMessage(row.authorName, proposal.name ?? row.elementName ?? elementId, row.id) },
    auditAction: 'comment.suggestion.accept',
    alsoInTransaction: async (tx, version) => {
      updated = await decideCommentRow(flow.id, row, { status: 'ACCEPTED', reason: reason ?? null, appliedVersion: version, ...decided }, tx);
    },
  });
  if (!updated) throw new AppError('CONFLICT', 'This suggestion was accepted already.', { reason: 'ALREADY_DECIDED' });
  return updated;
}

/** Deleting keeps a placeholder while the thread has replies; only the author may. */
export async function deleteComment(actor: Actor, flow: FlowDetail, commentId: string): Promise<void> {
  const row = await threadOrNotFound(flow, commentId);
  if (row.deletedAt) return;
  if (!canChangeOwnComment(actor, scopeOf(flow), { authorId: row.authorId, addressedToOrganisationId: row.addressedToOrganisationId })) {
    throw new AppError('FORBIDDEN', 'Only its author may delete a comment.');
  }
  await updateCommentRow(flow.id, row.id, { deletedAt: new Date() });
}
