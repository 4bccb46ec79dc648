import { recordStateOf } from '@/lib/bpmn/records';
import { applyOps, recordsOf, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import type { ElementRecord, Op } from '@/lib/domain/records/types';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { db } from '../client';
import { readStoredBpmn } from './get-revision-xml';

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
};

type LockRow = { headVersion: number; ownerOrganisationId: string; archivedAt: Date | null; updatedAt: Date };
type HeadRow = { lastRevision: number | null; duplicateOf: number | null; records: unknown; recordsVersion: number | null };

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
           h."records", h."version" AS "recordsVersion"
    FROM (SELECT 1) AS one LEFT JOIN "FlowHead" h ON h."flowId" = ${flowId}`;
  const row = rows[0];
  if (!row || row.archivedAt || !extra) throw new AppError('NOT_FOUND', 'No such flow, or you do not have access to it.');
  let state: RecordState;
  if (extra.records && extra.recordsVersion === row.headVersion) {
    state = stateOf(extra.records as ElementRecord[]);
  } else {
    state = await stateAtVersionIn(tx, flowId, row.headVersion);
    await writeHead(tx, flowId, row.headVersion, state, extra.records !== null);
  }
  return {
    headVersion: row.headVersion,
    ownerOrganisationId: row.ownerOrganisationId,
    lastChangeAt: row.updatedAt,
    lastRevision: extra.lastRevision ?? 0,
    duplicateOf: batchId ? extra.duplicateOf : null,
    state,
  };
}

export async function writeHead(tx: Tx, flowId: string, version: number, state: RecordState, exists: boolean): Promise<void> {
  const json = JSON.stringify(recordsOf(state));
  if (exists) {
    await tx.$executeRaw`UPDATE "FlowHead" SET "version" = ${version}, "records" = ${json}::jsonb, "updatedAt" = now() WHERE "flowId" = ${flowId}`;
  } else {
    await tx.$executeRaw`INSERT INTO "FlowHead" ("flowId", "version", "records", "updatedAt") VALUES (${flowId}, ${version}, ${json}::jsonb, now())`;
  }
}

/** The head records without taking the lock (reads for GET and the editor page). */
export async function readHeadState(flowId: string, headVersion: number): Promise<RecordState> {
  const head = await db.flowHead.findUnique({ where: { flowId }, select: { version: true, records: true } });
  if (head && head.version === headVersion) return stateOf(head.records as unknown as ElementRecord[]);
  return stateAtVersionIn(db, flowId, headVersion);
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
