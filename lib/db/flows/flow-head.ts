import { recordStateOf } from '@/lib/bpmn/records';
import { applyOps, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import type { ElementRecord, Op } from '@/lib/domain/records/types';
import { AppError } from '@/lib/errors';
import { pooledSql } from '../client';
import type { Sql, SqlReader, Statement } from '../sql';
import { readStoredBpmn } from './get-revision-xml';
import { cachedHead, rememberHead } from './head-cache';
import type { ProjectionRows } from './projection-rows';

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

type LockRow = { headVersion: number; ownerOrganisationId: string; archived: boolean; updatedAt: Date };
type HeadRow = { lastRevision: number | null; duplicateOf: number | null; storedVersion: number | null };

/**
 * Takes the flow's row lock (commits to one flow queue here, which orders them), then reads its head.
 * Two statements on purpose: under READ COMMITTED a statement that waited for the lock would still
 * read the other tables as they were before it waited. (One statement checked by FlowHead's version
 * against the locked row's would notice a commit that came in between, but not an approval's
 * checkpoint, which takes the same lock and adds a revision without moving any version.) A flow saved
 * before live co-editing existed has no head yet: it is built once from its head revision.
 */
export async function lockFlowHead(sql: Sql, flowId: string, batchId: string | null): Promise<LockedFlow> {
  const [row] = await sql.query<LockRow>(
    `SELECT "headVersion", "ownerOrganisationId", "archivedAt" IS NOT NULL AS "archived", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
     FROM "Flow" WHERE "id" = $1 FOR UPDATE`,
    [flowId],
  );
  const [extra] = await sql.query<HeadRow>(
    `SELECT (SELECT max(r."version") FROM "FlowRevision" r WHERE r."flowId" = $1) AS "lastRevision",
            (SELECT c."version" FROM "FlowChange" c WHERE c."flowId" = $1 AND c."batchId" = $2) AS "duplicateOf",
            (SELECT h."version" FROM "FlowHead" h WHERE h."flowId" = $1) AS "storedVersion"`,
    [flowId, batchId ?? ''],
  );
  if (!row || row.archived || !extra) throw new AppError('NOT_FOUND', 'No such flow, or you do not have access to it.');
  const known = extra.storedVersion === row.headVersion ? await headFromCacheOrRows(sql, flowId, row.headVersion) : null;
  let state: RecordState;
  if (known) {
    state = known.state;
  } else {
    state = await stateAtVersionIn(sql, flowId, row.headVersion);
    await writeHead(sql, flowId, row.headVersion, state, extra.storedVersion !== null);
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
async function headFromCacheOrRows(sql: SqlReader, flowId: string, version: number): Promise<{ state: RecordState; projection: ProjectionRows | null }> {
  const cached = cachedHead(flowId);
  if (cached?.version === version) return cached;
  if (cached && cached.version < version) {
    const state = await catchUp(sql, flowId, cached.state, cached.version, version);
    if (state) return { state, projection: null };
  }
  const elements = await sql.query<{ record: ElementRecord }>(`SELECT "record" FROM "FlowHeadElement" WHERE "flowId" = $1 ORDER BY "seq"`, [flowId]);
  return { state: stateOf(elements.map((e) => e.record)), projection: null };
}

/** Past this many versions behind, reading the elements is cheaper than replaying the log. */
const CATCH_UP_LIMIT = 50;

/** The whole head at `version`: for a new flow, or a head built again from its revision. */
export async function writeHead(sql: Sql, flowId: string, version: number, state: RecordState, exists: boolean): Promise<void> {
  if (exists) {
    await sql.execute(`UPDATE "FlowHead" SET "version" = $2, "updatedAt" = now() WHERE "flowId" = $1`, [flowId, version]);
    await sql.execute(`DELETE FROM "FlowHeadElement" WHERE "flowId" = $1`, [flowId]);
  } else {
    await sql.execute(`INSERT INTO "FlowHead" ("flowId", "version", "updatedAt") VALUES ($1, $2, now())`, [flowId, version]);
  }
  const records = state.order.map((id) => state.byId.get(id)!);
  await sql.execute(
    `INSERT INTO "FlowHeadElement" ("flowId", "elementId", "seq", "record")
     SELECT $1, e.value->>'id', e.n, e.value FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, n)`,
    [flowId, JSON.stringify(records)],
  );
}

/**
 * The writes that move the head from `before` to `after` by one commit: only the element rows that
 * changed. A new element goes after every other (document order), a changed one keeps its place.
 * Removed and written ids are apart, so the writes may run as one statement (writeAsOne).
 */
export function headWrites(flowId: string, version: number, before: RecordState, after: RecordState): Statement[] {
  const removed = before.order.filter((id) => !after.byId.has(id));
  const written = after.order.filter((id) => before.byId.get(id) !== after.byId.get(id)).map((id) => after.byId.get(id)!);
  const writes: Statement[] = [(bind) => `UPDATE "FlowHead" SET "version" = ${bind(version)}, "updatedAt" = now() WHERE "flowId" = ${bind(flowId)}`];
  if (removed.length) {
    writes.push(
      (bind) => `DELETE FROM "FlowHeadElement" WHERE "flowId" = ${bind(flowId)} AND "elementId" IN (SELECT jsonb_array_elements_text(${bind(JSON.stringify(removed))}::jsonb))`,
    );
  }
  if (written.length) {
    writes.push((bind) => {
      const flow = bind(flowId);
      return `INSERT INTO "FlowHeadElement" ("flowId", "elementId", "seq", "record")
        SELECT ${flow}, e.value->>'id', (SELECT coalesce(max("seq"), 0) FROM "FlowHeadElement" WHERE "flowId" = ${flow}) + e.n, e.value
        FROM jsonb_array_elements(${bind(JSON.stringify(written))}::jsonb) WITH ORDINALITY AS e(value, n)
        ON CONFLICT ("flowId", "elementId") DO UPDATE SET "record" = EXCLUDED."record"`;
    });
  }
  return writes;
}

/** The head records without taking the lock (reads for GET and the editor page). */
export async function readHeadState(flowId: string, headVersion: number): Promise<RecordState> {
  const cached = cachedHead(flowId);
  if (cached?.version === headVersion) return cached.state;
  if (cached && cached.version < headVersion) {
    // The log is append-only: replaying it needs no lock to be consistent.
    const caughtUp = await catchUp(pooledSql, flowId, cached.state, cached.version, headVersion);
    if (caughtUp) return remembered(flowId, headVersion, caughtUp);
  }
  // One statement, so the version and the elements are of the same moment.
  const rows = await pooledSql.query<{ version: number; record: ElementRecord | null }>(
    `SELECT h."version", e."record" FROM "FlowHead" h LEFT JOIN "FlowHeadElement" e ON e."flowId" = h."flowId"
     WHERE h."flowId" = $1 ORDER BY e."seq"`,
    [flowId],
  );
  if (rows[0]?.version === headVersion) {
    return remembered(flowId, headVersion, stateOf(rows.flatMap((r) => (r.record ? [r.record] : []))));
  }
  return stateAtVersionIn(pooledSql, flowId, headVersion);
}

function remembered(flowId: string, version: number, state: RecordState): RecordState {
  rememberHead(flowId, { version, state, projection: null });
  return state;
}

async function catchUp(sql: SqlReader, flowId: string, state: RecordState, from: number, to: number): Promise<RecordState | null> {
  if (to - from > CATCH_UP_LIMIT) return null;
  const changes = await changesBetween(sql, flowId, from, to);
  if (changes.length !== to - from) return null;
  for (const ops of changes) state = applyOps(state, ops);
  return state;
}

/** The ops of the changes after version `from` up to `to`, oldest first. */
async function changesBetween(sql: SqlReader, flowId: string, from: number, to: number): Promise<Op[][]> {
  const rows = await sql.query<{ ops: Op[] }>(
    `SELECT "ops" FROM "FlowChange" WHERE "flowId" = $1 AND "version" > $2 AND "version" <= $3 ORDER BY "version"`,
    [flowId, from, to],
  );
  return rows.map((r) => r.ops);
}

/**
 * The flow as it was at `version`: the newest revision at or before it, plus the changes after that
 * revision up to the version. Any committed version can be read again this way (the base of a merge,
 * an old ETag), not only checkpoints.
 */
export async function stateAtVersionIn(sql: SqlReader, flowId: string, version: number): Promise<RecordState> {
  const [revision] = await sql.query<{ version: number; bpmnXml: string }>(
    `SELECT "version", "bpmnXml" FROM "FlowRevision" WHERE "flowId" = $1 AND "version" <= $2 ORDER BY "version" DESC LIMIT 1`,
    [flowId, version],
  );
  if (!revision) throw new AppError('NOT_FOUND', `This flow has no version ${version}.`);
  let state = recordStateOf(await readStoredBpmn(revision.bpmnXml));
  if (revision.version === version) return state;
  const changes = await changesBetween(sql, flowId, revision.version, version);
  if (changes.length !== version - revision.version) {
    throw new AppError('NOT_FOUND', `Version ${version} of this flow can no longer be rebuilt.`);
  }
  for (const ops of changes) state = applyOps(state, ops);
  return state;
}
