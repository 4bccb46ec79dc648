import type { ModdleElement } from 'bpmn-moddle';
import { organisationIdOf } from '@/lib/bpmn/stafett-details';
import { Prisma } from '@/lib/db/generated/client';
import { readFlowModel } from '@/lib/domain/responsibility/flow-model';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import { AppError } from '@/lib/errors';
import {
  projectionRowsOf,
  responsibilityKey,
  rowChanges,
  type ActivityRow,
  type HandoverRow,
  type ProjectionRows,
  type ResponsibilityRow,
} from './projection-rows';

type Tx = Prisma.TransactionClient;

/**
 * Brings the flow's responsibility tables (FlowActivity, FlowHandover, FlowResponsibility) to the
 * projection of `definitions`, inside the caller's transaction, so a refused or rolled-back commit
 * leaves the old projection whole. Given the rows the tables hold now (`previous`), it writes only
 * what changed; without them it rewrites the flow's rows. Returns the new rows.
 * Refuses (400 UNKNOWN_ROLE, naming the elements) a role id that is in no participating organisation's
 * catalogue: a responsibility must point at a real role, or the role review would silently miss it.
 */
export async function projectResponsibilities(tx: Tx, flowId: string, definitions: ModdleElement, previous: ProjectionRows | null = null): Promise<ProjectionRows> {
  const rows = projectionRowsOf(projectResponsibility(definitions));
  await assertKnownRoles(tx, flowId, definitions, rows, previous);
  await writeProjection(tx, flowId, rows, previous);
  return rows;
}

/** Writes `rows` as the flow's projection: only the difference from `previous` when given (what the tables hold). */
export async function writeProjection(tx: Tx, flowId: string, rows: ProjectionRows, previous: ProjectionRows | null): Promise<void> {
  if (!previous) {
    await tx.$executeRaw`DELETE FROM "FlowActivity" WHERE "flowId" = ${flowId}`;
    await tx.$executeRaw`DELETE FROM "FlowHandover" WHERE "flowId" = ${flowId}`;
    await tx.$executeRaw`DELETE FROM "FlowResponsibility" WHERE "flowId" = ${flowId}`;
  }
  for (const table of TABLES) {
    const before: readonly object[] = previous?.[table.rows] ?? [];
    const changes = rowChanges(before, rows[table.rows], table.keyOf);
    const removed = new Set(changes.remove);
    if (removed.size) await deleteRows(tx, flowId, table, before.filter((row) => removed.has(table.keyOf(row))));
    if (changes.upsert.length) await upsertRows(tx, flowId, table, changes.upsert);
  }
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
export async function readProjection(tx: Tx, flowId: string): Promise<ProjectionRows> {
  const select = (table: Table) => Prisma.sql`
    SELECT ${quoted([...table.keys, ...table.columns])} FROM ${Prisma.raw(`"${table.name}"`)} WHERE "flowId" = ${flowId} ORDER BY "position"`;
  // One after the other: a transaction is one connection.
  const rows = {
    activities: await tx.$queryRaw<ActivityRow[]>(select(TABLES[0]!)),
    handovers: await tx.$queryRaw<HandoverRow[]>(select(TABLES[1]!)),
    responsibilities: await tx.$queryRaw<ResponsibilityRow[]>(select(TABLES[2]!)),
  };
  const namedRoles = new Map<string, Set<string>>();
  const add = (elementId: string, roleId: string | null) => {
    if (roleId) (namedRoles.get(elementId) ?? namedRoles.set(elementId, new Set()).get(elementId)!).add(roleId);
  };
  for (const r of rows.responsibilities) add(r.elementId, r.roleId);
  for (const h of rows.handovers) add(h.elementId, h.fromRoleId), add(h.elementId, h.toRoleId);
  return { ...rows, namedRoles };
}

const quoted = (names: readonly string[]) => Prisma.raw(names.map((n) => `"${n}"`).join(', '));

/** One INSERT … ON CONFLICT per table, the rows as one JSON parameter (no query shape per row count). */
async function upsertRows(tx: Tx, flowId: string, table: Table, rows: readonly object[]): Promise<void> {
  const all = ['flowId', ...table.keys, ...table.columns];
  const json = JSON.stringify(rows.map((row) => ({ ...row, flowId })));
  const updates = Prisma.raw(table.columns.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', '));
  await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${table.name}"`)} (${quoted(all)})
    SELECT ${quoted(all)} FROM jsonb_populate_recordset(NULL::${Prisma.raw(`"${table.name}"`)}, ${json}::jsonb)
    ON CONFLICT (${quoted(['flowId', ...table.keys])}) DO UPDATE SET ${updates}`;
}

async function deleteRows(tx: Tx, flowId: string, table: Table, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows);
  const match = Prisma.raw(table.keys.map((k) => `t."${k}" = d."${k}"`).join(' AND '));
  await tx.$executeRaw`
    DELETE FROM ${Prisma.raw(`"${table.name}"`)} t
    USING jsonb_populate_recordset(NULL::${Prisma.raw(`"${table.name}"`)}, ${json}::jsonb) d
    WHERE t."flowId" = ${flowId} AND ${match}`;
}

async function assertKnownRoles(tx: Tx, flowId: string, definitions: ModdleElement, rows: ProjectionRows, previous: ProjectionRows | null): Promise<void> {
  const named = rows.namedRoles;
  // Roles already named before this change were checked when they came in: only new ones are asked for.
  const before = new Set(previous ? [...previous.namedRoles.values()].flatMap((s) => [...s]) : []);
  const roleIds = [...new Set([...named.values()].flatMap((s) => [...s]))].filter((id) => !before.has(id));
  if (roleIds.length === 0) return;
  // Participating: the flow's participants, and the organisations its pools are linked to (the mapping
  // step adds those as participants in the same transaction, after the revision).
  const poolOrganisations = readFlowModel(definitions).participants.map(organisationIdOf).filter((id): id is string => Boolean(id));
  const known = await tx.role.findMany({
    where: {
      id: { in: roleIds },
      OR: [{ organisation: { flows: { some: { flowId } } } }, { organisationId: { in: poolOrganisations } }],
    },
    select: { id: true },
  });
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
