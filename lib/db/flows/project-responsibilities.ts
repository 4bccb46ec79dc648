import type { ModdleElement } from 'bpmn-moddle';
import { organisationIdOf } from '@/lib/bpmn/stafett-details';
import { readFlowModel } from '@/lib/domain/responsibility/flow-model';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import { AppError } from '@/lib/errors';
import { writeAsOne, type Sql, type SqlReader, type Statement } from '../sql';
import {
  projectionRowsOf,
  responsibilityKey,
  rowChanges,
  type ActivityRow,
  type HandoverRow,
  type ProjectionRows,
  type ResponsibilityRow,
} from './projection-rows';

/**
 * Brings the flow's responsibility tables (FlowActivity, FlowHandover, FlowResponsibility) to the
 * projection of `definitions`, inside the caller's transaction, so a refused or rolled-back commit
 * leaves the old projection whole. Given the rows the tables hold now (`previous`), it writes only
 * what changed; without them it rewrites the flow's rows. Returns the new rows.
 */
export async function projectResponsibilities(sql: Sql, flowId: string, definitions: ModdleElement, previous: ProjectionRows | null = null): Promise<ProjectionRows> {
  const rows = await checkedProjection(sql, flowId, definitions, previous);
  await writeProjection(sql, flowId, rows, previous);
  return rows;
}

/**
 * The projection rows of `definitions`, written nowhere yet. Refuses (400 UNKNOWN_ROLE, naming the
 * elements) a role id that is in no participating organisation's catalogue: a responsibility must
 * point at a real role, or the role review would silently miss it.
 */
export async function checkedProjection(sql: SqlReader, flowId: string, definitions: ModdleElement, previous: ProjectionRows | null): Promise<ProjectionRows> {
  const rows = projectionRowsOf(projectResponsibility(definitions));
  await assertKnownRoles(sql, flowId, definitions, rows, previous);
  return rows;
}

/** Writes `rows` as the flow's projection: only the difference from `previous` when given (what the tables hold). */
export async function writeProjection(sql: Sql, flowId: string, rows: ProjectionRows, previous: ProjectionRows | null): Promise<void> {
  if (!previous) {
    // Statements of their own: in one with the inserts below, both would see the rows as they were, and
    // an insert would meet the row its delete removes.
    for (const table of TABLES) await sql.execute(`DELETE FROM "${table.name}" WHERE "flowId" = $1`, [flowId]);
  }
  await writeAsOne(sql, projectionWrites(flowId, rows, previous ?? EMPTY));
}

const EMPTY: ProjectionRows = { activities: [], handovers: [], responsibilities: [], namedRoles: new Map() };

/**
 * The writes that turn the tables from `previous` (what they hold) into `rows`: per table, the rows
 * whose key went and the rows that are new or differ. Their keys are apart, so they may run as one
 * statement (writeAsOne).
 */
export function projectionWrites(flowId: string, rows: ProjectionRows, previous: ProjectionRows): Statement[] {
  const writes: Statement[] = [];
  for (const table of TABLES) {
    const before: readonly object[] = previous[table.rows];
    const changes = rowChanges(before, rows[table.rows], table.keyOf);
    const removed = new Set(changes.remove);
    if (removed.size) writes.push(deleteRows(flowId, table, before.filter((row) => removed.has(table.keyOf(row)))));
    if (changes.upsert.length) writes.push(upsertRows(flowId, table, changes.upsert));
  }
  return writes;
}

type Table = {
  name: string;
  rows: 'activities' | 'handovers' | 'responsibilities';
  keys: string[];
  columns: string[];
  keyOf: (row: object) => string;
};

const byElement = (row: object) => (row as { elementId: string }).elementId;

const TABLES: readonly Table[] = [
  {
    name: 'FlowActivity',
    rows: 'activities',
    keys: ['elementId'],
    keyOf: byElement,
    columns: ['position', 'name', 'elementType', 'organisationId', 'laneRoleId', 'touchpoint', 'journeyPhase', 'valueClass', 'timeLimit'],
  },
  {
    name: 'FlowHandover',
    rows: 'handovers',
    keys: ['elementId'],
    keyOf: byElement,
    columns: ['position', 'name', 'fromOrganisationId', 'fromRoleId', 'fromElementId', 'toOrganisationId', 'toRoleId', 'toElementId', 'what', 'timeLimit', 'legalBasis', 'channel'],
  },
  {
    name: 'FlowResponsibility',
    rows: 'responsibilities',
    keys: ['elementId', 'roleId', 'letter'],
    keyOf: (row) => responsibilityKey(row as ResponsibilityRow),
    columns: ['elementKind', 'elementName', 'position'],
  },
];

/**
 * The rows the tables hold for the flow now, when this instance has no copy of them. Which roles the
 * diagram names explicitly is not stored: every role in the rows stands for it (they were all checked
 * when they came in, or came from a lane).
 */
export async function readProjection(sql: SqlReader, flowId: string): Promise<ProjectionRows> {
  const select = <Row>(table: Table) =>
    sql.query<Row>(`SELECT ${quoted([...table.keys, ...table.columns])} FROM "${table.name}" WHERE "flowId" = $1 ORDER BY "position"`, [flowId]);
  // One after the other: a transaction is one connection.
  const rows = {
    activities: await select<ActivityRow>(TABLES[0]!),
    handovers: await select<HandoverRow>(TABLES[1]!),
    responsibilities: await select<ResponsibilityRow>(TABLES[2]!),
  };
  const namedRoles = new Map<string, Set<string>>();
  const add = (elementId: string, roleId: string | null) => {
    if (roleId) (namedRoles.get(elementId) ?? namedRoles.set(elementId, new Set()).get(elementId)!).add(roleId);
  };
  for (const r of rows.responsibilities) add(r.elementId, r.roleId);
  for (const h of rows.handovers) add(h.elementId, h.fromRoleId), add(h.elementId, h.toRoleId);
  return { ...rows, namedRoles };
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** One INSERT … ON CONFLICT per table, the rows as one JSON parameter (no query shape per row count). */
function upsertRows(flowId: string, table: Table, rows: readonly object[]): Statement {
  const all = quoted(['flowId', ...table.keys, ...table.columns]);
  const updates = table.columns.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ');
  return (bind) => `
    INSERT INTO "${table.name}" (${all})
    SELECT ${all} FROM jsonb_populate_recordset(NULL::"${table.name}", ${bind(JSON.stringify(rows.map((row) => ({ ...row, flowId }))))}::jsonb)
    ON CONFLICT (${quoted(['flowId', ...table.keys])}) DO UPDATE SET ${updates}`;
}

function deleteRows(flowId: string, table: Table, rows: readonly object[]): Statement {
  const match = table.keys.map((k) => `t."${k}" = d."${k}"`).join(' AND ');
  return (bind) => `
    DELETE FROM "${table.name}" t
    USING jsonb_populate_recordset(NULL::"${table.name}", ${bind(JSON.stringify(rows))}::jsonb) d
    WHERE t."flowId" = ${bind(flowId)} AND ${match}`;
}

async function assertKnownRoles(sql: SqlReader, flowId: string, definitions: ModdleElement, rows: ProjectionRows, previous: ProjectionRows | null): Promise<void> {
  const named = rows.namedRoles;
  // Roles already named before this change were checked when they came in: only new ones are asked for.
  const before = new Set(previous ? [...previous.namedRoles.values()].flatMap((s) => [...s]) : []);
  const roleIds = [...new Set([...named.values()].flatMap((s) => [...s]))].filter((id) => !before.has(id));
  if (roleIds.length === 0) return;
  // Participating: the flow's participants, and the organisations its pools are linked to (the mapping
  // step adds those as participants in the same transaction, after the revision).
  const poolOrganisations = readFlowModel(definitions).participants.map(organisationIdOf).filter((id): id is string => Boolean(id));
  const known = await sql.query<{ id: string }>(
    `SELECT r."id" FROM "Role" r
     WHERE r."id" = ANY($1::text[])
       AND (r."organisationId" = ANY($2::text[]) OR EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = $3 AND p."organisationId" = r."organisationId"))`,
    [roleIds, poolOrganisations, flowId],
  );
  const knownIds = new Set(known.map((r) => r.id));
  const unknown = roleIds.filter((id) => !knownIds.has(id));
  if (unknown.length === 0) return;
  const elementIds = [...named].filter(([, roles]) => [...roles].some((id) => unknown.includes(id))).map(([id]) => id);
  throw new AppError(
    'INVALID',
    `A responsibility names a role that is in no participating organisation's catalogue (element ${elementIds.map((id) => `"${id}"`).join(', ')}). Choose a role from the catalogue.`,
    { reason: 'UNKNOWN_ROLE', elementIds, roleIds: unknown },
  );
}
