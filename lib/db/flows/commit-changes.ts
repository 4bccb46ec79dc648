import { randomUUID } from 'node:crypto';
import { assertContainment, isFlowNodeType, normaliseOps } from '@/lib/bpmn/known-types';
import { definitionsOf, xmlOfState } from '@/lib/bpmn/records';
import { danglingAfter } from '@/lib/domain/records/references';
import { ApplyError, applyOps, type RecordState } from '@/lib/domain/records/record-state';
import { checkRights, type PoolRights } from '@/lib/domain/records/rights';
import { layoutKeepsProjection } from '@/lib/domain/responsibility/layout-change';
import type { Op } from '@/lib/domain/records/types';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError, isAppError } from '@/lib/errors';
import { FLOW_CHANNEL, type FlowNotice } from '@/lib/realtime/channels';
import { db } from '../client';
import { lockFlowHead, writeHeadChanges, type LockedFlow } from './flow-head';
import { rememberHead, type CachedHead } from './head-cache';
import { projectResponsibilities, readProjection, writeProjection } from './project-responsibilities';
import { rowsAfterRenames } from './projection-rows';
import { appendRevision, REVISION_TX_OPTIONS } from './save-revision';

type Tx = Prisma.TransactionClient;

/** A pause this long before a change makes the state before it an automatic checkpoint. */
export const CHECKPOINT_PAUSE_MS = 5 * 60_000;
/** At most this many changes between two checkpoints: bounds the work of rebuilding an old version. */
export const CHECKPOINT_EVERY = 200;

export type CommitInput = {
  flowId: string;
  authorId: string;
  /** The client's id for this batch; a retry with the same id answers the first commit's version. */
  batchId: string;
  /** The ops, or how to compute them from the head once it is locked (a whole-document merge). */
  ops: readonly Op[] | ((head: LockedFlow) => readonly Op[] | Promise<readonly Op[]>);
  /** Pool rights of the author; 'system' for propagation Stafett does itself (a role renamed). */
  rights: PoolRights | 'system';
  /** Also write a revision (checkpoint) at the new version, with this message. */
  revision?: { message: string | null };
  /** Audit the commit as this action (revisions, restores, mappings); plain edits are not audited one by one. */
  auditAction?: string;
  /** More writes that belong to the same commit (participants added by a mapping). */
  alsoInTransaction?: (tx: Tx, version: number) => Promise<void>;
};

export type CommitResult = { version: number; duplicate: boolean; ops: readonly Op[] };

/**
 * The ONE path that commits a change to a flow: under the flow's row lock it applies the ops to the
 * head, refuses what the author may not change (403) or what no longer fits (409: an element someone
 * removed meanwhile), appends the change to the log with the next gapless version, rewrites the head,
 * takes checkpoints, and notifies every app instance — all in one transaction, so a refused or failed
 * commit leaves nothing behind, and the notification goes out only when the change is there to read.
 */
export async function commitChanges(input: CommitInput): Promise<CommitResult> {
  try {
    const { result, head } = await db.$transaction((tx) => commitIn(tx, input), REVISION_TX_OPTIONS);
    // Only now is it committed: the next commit on this instance starts from here without reading it again.
    if (head) rememberHead(input.flowId, head);
    return result;
  } catch (e) {
    if ((e as { code?: string })?.code === 'P2002' && !isAppError(e)) {
      // The same batch committed by a concurrent retry: answer as the retry that came second.
      const row = await db.flowChange.findUnique({ where: { flowId_batchId: { flowId: input.flowId, batchId: input.batchId } }, select: { version: true } });
      if (row) return { version: row.version, duplicate: true, ops: [] };
    }
    throw e;
  }
}

async function commitIn(tx: Tx, input: CommitInput): Promise<{ result: CommitResult; head?: CachedHead }> {
  const head = await lockFlowHead(tx, input.flowId, input.batchId);
  if (head.duplicateOf !== null) return { result: { version: head.duplicateOf, duplicate: true, ops: [] } };
  const ops = normaliseOps(head.state, typeof input.ops === 'function' ? await input.ops(head) : input.ops);
  const after = applyOrRefuse(head.state, ops);
  assertContainment(after, ops);
  if (input.rights !== 'system') {
    const refusal = checkRights(head.state, after, ops, input.rights);
    if (refusal) throw rightsError(refusal.reason, refusal.elementIds);
  }
  const dangling = danglingAfter(after, ops);
  if (dangling.length) {
    throw new AppError('CONFLICT', `The change refers to elements that are no longer in the flow: ${dangling.slice(0, 5).join(', ')}.`, {
      reason: 'ELEMENT_REMOVED',
      elementIds: dangling,
    });
  }
  const version = head.headVersion + 1;
  const pausedBefore = Date.now() - head.lastChangeAt.getTime() > CHECKPOINT_PAUSE_MS;
  if (pausedBefore && head.lastRevision < head.headVersion) {
    await autoCheckpoint(tx, input.flowId, head, head.headVersion, head.state);
  }
  await tx.$executeRaw`
    INSERT INTO "FlowChange" ("id", "flowId", "version", "batchId", "authorId", "ops", "createdAt")
    VALUES (${randomUUID()}, ${input.flowId}, ${version}, ${input.batchId}, ${input.authorId}, ${JSON.stringify(ops)}::jsonb, now())`;
  await writeHeadChanges(tx, input.flowId, version, head.state, after);
  // Responsibility across flows is plain SQL over these tables, so every commit keeps them current,
  // writing only the rows its change touched. A rename or a move mostly follows from the rows before it.
  const before = head.projection ?? (await readProjection(tx, input.flowId));
  const renamed = rowsAfterRenames(before, ops);
  if (renamed) await writeProjection(tx, input.flowId, renamed, before);
  const kept = renamed ?? (layoutKeepsProjection(head.state, after, ops, isFlowNodeType) ? before : null);
  const projection = kept ?? (await projectResponsibilities(tx, input.flowId, definitionsOf(after), before));
  await tx.$executeRaw`UPDATE "Flow" SET "headVersion" = ${version}, "updatedAt" = now() WHERE "id" = ${input.flowId}`;
  if (input.revision) {
    await appendRevision(tx, {
      flowId: input.flowId,
      ownerOrganisationId: head.ownerOrganisationId,
      authorId: input.authorId,
      version,
      xml: await xmlOfState(after),
      message: input.revision.message,
      auditAction: input.auditAction,
    });
  } else if (version - Math.max(head.lastRevision, 0) >= CHECKPOINT_EVERY) {
    await autoCheckpoint(tx, input.flowId, { ...head, headVersion: version }, version, after, input.authorId);
  }
  await input.alsoInTransaction?.(tx, version);
  const notice: FlowNotice = { flowId: input.flowId, version };
  await tx.$executeRaw`SELECT pg_notify(${FLOW_CHANNEL}, ${JSON.stringify(notice)})`;
  return { result: { version, duplicate: false, ops }, head: { version, state: after, projection } };
}

function applyOrRefuse(state: RecordState, ops: readonly Op[]): RecordState {
  try {
    return applyOps(state, ops);
  } catch (e) {
    if (e instanceof ApplyError) {
      throw new AppError('CONFLICT', `Someone removed what this change edits: ${e.failure.elementIds.slice(0, 5).join(', ')}.`, {
        reason: 'ELEMENT_REMOVED',
        elementIds: e.failure.elementIds,
      });
    }
    throw e;
  }
}

export function rightsError(reason: 'OTHER_ORGANISATION' | 'FLOW_ADMIN_ONLY', elementIds: string[]): AppError {
  const message =
    reason === 'FLOW_ADMIN_ONLY'
      ? 'Only admins of the owner organisation may add, remove or relink pools or change the flow’s settings.'
      : 'Each organisation edits its own pool: this change touches another organisation’s part of the flow. Suggest the change to them instead.';
  return new AppError('FORBIDDEN', message, { reason, elementIds });
}

/** A revision of a state the log already holds: the author is whoever made its last change. */
async function autoCheckpoint(tx: Tx, flowId: string, head: LockedFlow, version: number, state: RecordState, authorId?: string): Promise<void> {
  const author =
    authorId ??
    (await tx.flowChange.findUnique({ where: { flowId_version: { flowId, version } }, select: { authorId: true } }))?.authorId;
  if (!author) return;
  await appendRevision(tx, {
    flowId,
    ownerOrganisationId: head.ownerOrganisationId,
    authorId: author,
    version,
    xml: await xmlOfState(state),
    message: null,
    auditAction: 'flow.checkpoint.auto',
  });
}
