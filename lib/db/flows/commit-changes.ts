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
import { db, inSqlTransaction, readRows } from '../client';
import { sqlOf, writeAsOne, type Sql, type Statement } from '../sql';
import { headWrites, lockFlowHead, type LockedFlow } from './flow-head';
import { rememberHead, type CachedHead } from './head-cache';
import { checkedProjection, projectionWrites, readProjection } from './project-responsibilities';
import { rowsAfterRenames, type ProjectionRows } from './projection-rows';
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
  /** More writes that belong to the same commit, through Prisma (participants added by a mapping). */
  alsoInTransaction?: (tx: Tx, version: number) => Promise<void>;
};

export type CommitResult = { version: number; duplicate: boolean; ops: readonly Op[] };

type AlsoInTransaction = (version: number) => Promise<void>;

/**
 * The ONE path that commits a change to a flow: under the flow's row lock it applies the ops to the
 * head, refuses what the author may not change (403) or what no longer fits (409: an element someone
 * removed meanwhile), appends the change to the log with the next gapless version, rewrites the head,
 * takes checkpoints, and notifies every app instance — all in one transaction, so a refused or failed
 * commit leaves nothing behind, and the notification goes out only when the change is there to read.
 */
export async function commitChanges(input: CommitInput): Promise<CommitResult> {
  try {
    const { result, head } = await inCommitTransaction(input, (sql, also) => commitIn(sql, also, input));
    // Only now is it committed: the next commit on this instance starts from here without reading it again.
    if (head) rememberHead(input.flowId, head);
    return result;
  } catch (e) {
    if (isUniqueViolation(e) && !isAppError(e)) {
      // The same batch committed by a concurrent retry: answer as the retry that came second.
      const [row] = await readRows<{ version: number }>(`SELECT "version" FROM "FlowChange" WHERE "flowId" = $1 AND "batchId" = $2`, [input.flowId, input.batchId]);
      if (row) return { version: row.version, duplicate: true, ops: [] };
    }
    throw e;
  }
}

/**
 * A commit runs on a driver connection of its own: Prisma's interactive transaction cost ~0.4 ms a
 * statement, a third of a commit. One with Prisma work of its own (alsoInTransaction) runs in a Prisma
 * transaction instead; the statements are the same (sql.ts).
 */
function inCommitTransaction<T>(input: CommitInput, work: (sql: Sql, also: AlsoInTransaction) => Promise<T>): Promise<T> {
  const also = input.alsoInTransaction;
  if (!also) return inSqlTransaction((sql) => work(sql, async () => {}));
  return db.$transaction((tx) => work(sqlOf(tx), (version) => also(tx, version)), REVISION_TX_OPTIONS);
}

/** A unique index refused the row, as the driver (23505) or Prisma (P2002) reports it. */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === '23505' || code === 'P2002';
}

async function commitIn(sql: Sql, alsoInTransaction: AlsoInTransaction, input: CommitInput): Promise<{ result: CommitResult; head?: CachedHead }> {
  const head = await lockFlowHead(sql, input.flowId, input.batchId);
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
    await autoCheckpoint(sql, input.flowId, head, head.headVersion, head.state);
  }
  const { projection, writes } = await projectionAfter(sql, input.flowId, head, after, ops);
  const notice: FlowNotice = { flowId: input.flowId, version };
  // Every row of the commit itself in one statement, one round trip: they are all different rows.
  await writeAsOne(
    sql,
    [changeWrite(input, version, ops), ...headWrites(input.flowId, version, head.state, after), ...writes, (bind) => `UPDATE "Flow" SET "headVersion" = ${bind(version)}, "updatedAt" = now() WHERE "id" = ${bind(input.flowId)}`],
    // Delivered at COMMIT, so no instance hears of a version it cannot read yet.
    (bind) => `SELECT pg_notify(${bind(FLOW_CHANNEL)}, ${bind(JSON.stringify(notice))})`,
  );
  if (input.revision) {
    await appendRevision(sql, {
      flowId: input.flowId,
      ownerOrganisationId: head.ownerOrganisationId,
      authorId: input.authorId,
      version,
      xml: await xmlOfState(after),
      message: input.revision.message,
      auditAction: input.auditAction,
    });
  } else if (version - Math.max(head.lastRevision, 0) >= CHECKPOINT_EVERY) {
    await autoCheckpoint(sql, input.flowId, { ...head, headVersion: version }, version, after, input.authorId);
  }
  await alsoInTransaction(version);
  return { result: { version, duplicate: false, ops }, head: { version, state: after, projection } };
}

function changeWrite(input: CommitInput, version: number, ops: readonly Op[]): Statement {
  return (bind) => `INSERT INTO "FlowChange" ("id", "flowId", "version", "batchId", "authorId", "ops", "createdAt")
    VALUES (${bind(randomUUID())}, ${bind(input.flowId)}, ${bind(version)}, ${bind(input.batchId)}, ${bind(input.authorId)}, ${bind(JSON.stringify(ops))}::jsonb, now())`;
}

/**
 * The responsibility rows after the change, and the writes that bring the tables there. Responsibility
 * across flows is plain SQL over these tables, so every commit keeps them current, writing only the
 * rows its change touched. A rename, or a move that keeps the flow order, follows from the rows before it.
 */
async function projectionAfter(sql: Sql, flowId: string, head: LockedFlow, after: RecordState, ops: readonly Op[]): Promise<{ projection: ProjectionRows; writes: Statement[] }> {
  const before = head.projection ?? (await readProjection(sql, flowId));
  const projection =
    rowsAfterRenames(before, ops) ??
    (layoutKeepsProjection(head.state, after, ops, isFlowNodeType) ? before : await checkedProjection(sql, flowId, definitionsOf(after), before));
  return { projection, writes: projection === before ? [] : projectionWrites(flowId, projection, before) };
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
async function autoCheckpoint(sql: Sql, flowId: string, head: LockedFlow, version: number, state: RecordState, authorId?: string): Promise<void> {
  const author =
    authorId ?? (await sql.query<{ authorId: string }>(`SELECT "authorId" FROM "FlowChange" WHERE "flowId" = $1 AND "version" = $2`, [flowId, version]))[0]?.authorId;
  if (!author) return;
  await appendRevision(sql, {
    flowId,
    ownerOrganisationId: head.ownerOrganisationId,
    authorId: author,
    version,
    xml: await xmlOfState(state),
    message: null,
    auditAction: 'flow.checkpoint.auto',
  });
}
