import { recordStateOf } from '@/lib/bpmn/records';
import { applyOps, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import type { ElementRecord, Op } from '@/lib/domain/records/types';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { db } from '../client';
import { readStoredBpmn } from './get-revision-xml';
import { cachedHead, rememberHead } from './head-cache';
import type { ProjectionRows } from './projection-rows';

type Tx = Prisma.TransactionClient;

export type LockedFlow = {
  headVersion: number;
  ownerOrganisationId: string;
  /** When the last change was committed: a long pause before this one makes a checkpoint. */
  lastChangeAt: Date;
  /** The newest revision's version (0 when the flow has none). */
  lastRevision: number;
  /** The version an earlier attempt of the same batch made, when this is a retry. */
  duplicateOf: number | null;
  state: RecordState;
  /** The responsibility rows the tables hold for this state, when this instance knows them. */
  projection: ProjectionRows | null;
};

type LockRow = { headVersion: number; ownerOrganisationId: string; archivedAt: Date | null; updatedAt: Date };
type HeadRow = { lastRevision: number | null; duplicateOf: number | null; storedVersion: number | null };

/**
 * Takes the flow's row lock (commits to one flow queue here, which orders them), then reads its head.
 * Two statements on purpose: under READ COMMITTED a statement that waited for the lock would still
 * read the other tables as they were before it waited. A flow saved before live co-editing existed
 * has no head yet: it is built once from its head revision.
 */
export async function lockFlowHead(tx: Tx, flowId: string, batchId: string | null): Promise<LockedFlow> {
  const rows = await tx.$queryRaw<LockRow[]>`
    SELECT "headVersion", "ownerOrganisationId", "archivedAt", "updatedAt" FROM "Flow" WHERE "id" = ${flowId} FOR UPDATE`;
  const [extra] = await tx.$queryRaw<HeadRow[]>`
    SELECT (SELECT max(r."version") FROM "FlowRevision" r WHERE r."flowId" = ${flowId}) AS "lastRevision",
           (SELECT c."version" FROM "FlowChange" c WHERE c."flowId" = ${flowId} AND c."batchId" = ${batchId ?? ''}) AS "duplicateOf",
           (SELECT h."version" FROM "FlowHead" h WHERE h."flowId" = ${flowId}) AS "storedVersion"`;
  const row = rows[0];
  if (!row || row.archivedAt || !extra) throw new AppError('NOT_FOUND', 'No such flow, or you do not have access to it.');
  const known = extra.storedVersion === row.headVersion ? await headFromCacheOrRows(tx, flowId, row.headVersion) : null;
  let state: RecordState;
  if (known) {
    state = known.state;
  } else {
    state = await stateAtVersionIn(tx, flowId, row.headVersion);
    await writeHead(tx, flowId, row.headVersion, state, extra.storedVersion !== null);
  }
  return {
    headVersion: row.headVersion,
    ownerOrganisationId: row.ownerOrganisationId,
    lastChangeAt: row.updatedAt,
    lastRevision: extra.lastRevision ?? 0,
    duplicateOf: batchId ? extra.duplicateOf : null,
    state,
    projection: known?.projection ?? null,
  };
}

/**
 * The stored head at `version` (the caller has checked FlowHead is at it): this instance's copy when
 * it is current, caught up from the change log when it is a few versions behind (another instance
 * committed those), or every element row read again.
 */
async function headFromCacheOrRows(client: Tx | typeof db, flowId: string, version: number): Promise<{ state: RecordState; projection: ProjectionRows | null }> {
  const cached = cachedHead(flowId);
  if (cached?.version === version) return cached;
  if (cached && cached.version < version) {
    const state = await catchUp(client, flowId, cached.state, cached.version, version);
    if (state) return { state, projection: null };
  }
  const elements = await client.$queryRaw<{ record: ElementRecord }[]>`
    SELECT "record" FROM "FlowHeadElement" WHERE "flowId" = ${flowId} ORDER BY "seq"`;
  return { state: stateOf(elements.map((e) => e.record)), projection: null };
}

/** Past this many versions behind, reading the elements is cheaper than replaying the log. */
const CATCH_UP_LIMIT = 50;

/** The whole head at `version`: for a new flow, or a head built again from its revision. */
export async function writeHead(tx: Tx, flowId: string, version: number, state: RecordState, exists: boolean): Promise<void> {
  if (exists) {
    await tx.$executeRaw`UPDATE "FlowHead" SET "version" = ${version}, "updatedAt" = now() WHERE "flowId" = ${flowId}`;
    await tx.$executeRaw`DELETE FROM "FlowHeadElement" WHERE "flowId" = ${flowId}`;
  } else {
    await tx.$executeRaw`INSERT INTO "FlowHead" ("flowId", "version", "updatedAt") VALUES (${flowId}, ${version}, now())`;
  }
  const records = state.order.map((id) => state.byId.get(id)!);
  await tx.$executeRaw`
    INSERT INTO "FlowHeadElement" ("flowId", "elementId", "seq", "record")
    SELECT ${flowId}, e.value->>'id', e.n, e.value FROM jsonb_array_elements(${JSON.stringify(records)}::jsonb) WITH ORDINALITY AS e(value, n)`;
}

/**
 * The head moved from `before` to `after` by one commit: only the element rows that changed are
 * written. A new element goes after every other (document order), a changed one keeps its place.
 */
export async function writeHeadChanges(tx: Tx, flowId: string, version: number, before: RecordState, after: RecordState): Promise<void> {
  await tx.$executeRaw`UPDATE "FlowHead" SET "version" = ${version}, "updatedAt" = now() WHERE "flowId" = ${flowId}`;
  const removed = before.order.filter((id) => !after.byId.has(id));
  const written = after.order.filter((id) => before.byId.get(id) !== after.byId.get(id)).map((id) => after.byId.get(id)!);
  if (removed.length) {
    await tx.$executeRaw`
      DELETE FROM "FlowHeadElement" WHERE "flowId" = ${flowId} AND "elementId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb))`;
  }
  if (written.length) {
    await tx.$executeRaw`
      INSERT INTO "FlowHeadElement" ("flowId", "elementId", "seq", "record")
      SELECT ${flowId}, e.value->>'id', (SELECT coalesce(max("seq"), 0) FROM "FlowHeadElement" WHERE "flowId" = ${flowId}) + e.n, e.value
      FROM jsonb_array_elements(${JSON.stringify(written)}::jsonb) WITH ORDINALITY AS e(value, n)
      ON CONFLICT ("flowId", "elementId") DO UPDATE SET "record" = EXCLUDED."record"`;
  }
}

/** The head records without taking the lock (reads for GET and the editor page). */
export async function readHeadState(flowId: string, headVersion: number): Promise<RecordState> {
  const cached = cachedHead(flowId);
  if (cached?.version === headVersion) return cached.state;
  if (cached && cached.version < headVersion) {
    // The log is append-only: replaying it needs no lock to be consistent.
    const caughtUp = await catchUp(db, flowId, cached.state, cached.version, headVersion);
    if (caughtUp) return remembered(flowId, headVersion, caughtUp);
  }
  // One statement, so the version and the elements are of the same moment.
  const rows = await db.$queryRaw<{ version: number; record: ElementRecord | null }[]>`
    SELECT h."version", e."record" FROM "FlowHead" h LEFT JOIN "FlowHeadElement" e ON e."flowId" = h."flowId"
    WHERE h."flowId" = ${flowId} ORDER BY e."seq"`;
  if (rows[0]?.version === headVersion) {
    return remembered(flowId, headVersion, stateOf(rows.flatMap((r) => (r.record ? [r.record] : []))));
  }
  return stateAtVersionIn(db, flowId, headVersion);
}

function remembered(flowId: string, version: number, state: RecordState): RecordState {
  rememberHead(flowId, { version, state, projection: null });
  return state;
}

async function catchUp(client: Tx | typeof db, flowId: string, state: RecordState, from: number, to: number): Promise<RecordState | null> {
  if (to - from > CATCH_UP_LIMIT) return null;
  const changes = await client.flowChange.findMany({
    where: { flowId, version: { gt: from, lte: to } },
    orderBy: { version: 'asc' },
    select: { ops: true },
  });
  if (changes.length !== to - from) return null;
  for (const change of changes) state = applyOps(state, change.ops as unknown as Op[]);
  return state;
}

/**
 * The flow as it was at `version`: the newest revision at or before it, plus the changes after that
 * revision up to the version. Any committed version can be read again this way (the base of a merge,
 * an old ETag), not only checkpoints.
 */
export async function stateAtVersionIn(client: Tx | typeof db, flowId: string, version: number): Promise<RecordState> {
  const revision = await client.flowRevision.findFirst({
    where: { flowId, version: { lte: version } },
    orderBy: { version: 'desc' },
    select: { version: true, bpmnXml: true },
  });
  if (!revision) throw new AppError('NOT_FOUND', `This flow has no version ${version}.`);
  let state = recordStateOf(await readStoredBpmn(revision.bpmnXml));
  if (revision.version === version) return state;
  const changes = await client.flowChange.findMany({
    where: { flowId, version: { gt: revision.version, lte: version } },
    orderBy: { version: 'asc' },
    select: { version: true, ops: true },
  });
  if (changes.length !== version - revision.version) {
    throw new AppError('NOT_FOUND', `Version ${version} of this flow can no longer be rebuilt.`);
  }
  for (const change of changes) state = applyOps(state, change.ops as unknown as Op[]);
  return state;
}
