import { RACI_LETTERS, type RaciLetter, type ResponsibilityProjection } from '@/lib/domain/responsibility/raci';
import type { Op } from '@/lib/domain/records/types';

// The responsibility projection of one head as the rows of its three tables, and what changed between
// two of them: a commit writes only the rows its change touched (a rename touches one or two).

export type ActivityRow = {
  elementId: string;
  position: number;
  name: string;
  elementType: string;
  organisationId: string | null;
  laneRoleId: string | null;
  touchpoint: boolean;
  journeyPhase: string | null;
  valueClass: string | null;
  timeLimit: string | null;
};

export type HandoverRow = {
  elementId: string;
  position: number;
  name: string;
  fromOrganisationId: string | null;
  fromRoleId: string | null;
  fromElementId: string | null;
  toOrganisationId: string | null;
  toRoleId: string | null;
  toElementId: string | null;
  what: string | null;
  timeLimit: string | null;
  legalBasis: string | null;
  channel: string | null;
};

export type ResponsibilityRow = {
  elementId: string;
  elementKind: 'ACTIVITY' | 'HANDOVER';
  elementName: string;
  position: number;
  roleId: string;
  letter: RaciLetter;
};

export type ProjectionRows = {
  activities: ActivityRow[];
  handovers: HandoverRow[];
  responsibilities: ResponsibilityRow[];
  /** Role ids the diagram names explicitly, by element: each must be in a participating catalogue. */
  namedRoles: Map<string, Set<string>>;
};

export function projectionRowsOf(projection: ResponsibilityProjection): ProjectionRows {
  const activities = projection.activities.map((a, position): ActivityRow => ({
    elementId: a.elementId,
    position,
    name: a.name,
    elementType: a.type,
    organisationId: a.organisationId ?? null,
    laneRoleId: a.laneRoleId ?? null,
    touchpoint: a.details.touchpoint,
    journeyPhase: a.details.journeyPhase ?? null,
    valueClass: a.details.valueClass ?? null,
    timeLimit: a.details.timeLimit ?? null,
  }));
  const handovers = projection.handovers.map((h, position): HandoverRow => ({
    elementId: h.elementId,
    position,
    name: h.name,
    fromOrganisationId: h.from.organisationId ?? null,
    fromRoleId: h.from.roleId ?? null,
    fromElementId: h.from.elementId ?? null,
    toOrganisationId: h.to.organisationId ?? null,
    toRoleId: h.to.roleId ?? null,
    toElementId: h.to.elementId ?? null,
    what: h.details.what ?? null,
    timeLimit: h.details.timeLimit ?? null,
    legalBasis: h.details.legalBasis ?? null,
    channel: h.details.channel ?? null,
  }));
  const seen = new Set<string>();
  const responsibilities: ResponsibilityRow[] = [];
  const add = (row: ResponsibilityRow) => {
    // The table's key: a role named twice for one letter (lane and entry) is one row.
    const key = responsibilityKey(row);
    if (!seen.has(key)) responsibilities.push(row), seen.add(key);
  };
  projection.activities.forEach((a, position) => {
    for (const letter of RACI_LETTERS) for (const roleId of a[letter]) add({ elementId: a.elementId, elementKind: 'ACTIVITY', elementName: a.name, position, roleId, letter });
  });
  projection.handovers.forEach((h, i) => {
    const position = projection.activities.length + i;
    for (const letter of RACI_LETTERS) for (const roleId of h[letter]) add({ elementId: h.elementId, elementKind: 'HANDOVER', elementName: h.name, position, roleId, letter });
  });
  return { activities, handovers, responsibilities, namedRoles: namedRolesOf(projection) };
}

export function responsibilityKey(row: Pick<ResponsibilityRow, 'elementId' | 'roleId' | 'letter'>): string {
  return `${row.elementId}\u0000${row.roleId}\u0000${row.letter}`;
}

/** Role ids the diagram names explicitly (responsibility entries, handover roles), by element. */
function namedRolesOf(projection: ResponsibilityProjection): Map<string, Set<string>> {
  const byElement = new Map<string, Set<string>>();
  const add = (elementId: string, roleId: string | undefined) => {
    if (roleId) (byElement.get(elementId) ?? byElement.set(elementId, new Set()).get(elementId)!).add(roleId);
  };
  for (const a of projection.activities) {
    for (const letter of RACI_LETTERS) {
      for (const roleId of a[letter]) if (!(letter === 'R' && a.responsibleFromLane)) add(a.elementId, roleId);
    }
  }
  for (const h of projection.handovers) {
    for (const letter of RACI_LETTERS) for (const roleId of h[letter]) add(h.elementId, roleId);
    add(h.elementId, h.details.fromRoleId);
    add(h.elementId, h.details.toRoleId);
  }
  return byElement;
}

export type RowChanges<Row> = { upsert: Row[]; remove: string[] };

/** Rows to write and keys to delete to turn `before` into `after`; rows compare field by field. */
export function rowChanges<Row extends object>(before: readonly Row[], after: readonly Row[], keyOf: (row: Row) => string): RowChanges<Row> {
  const old = new Map(before.map((row) => [keyOf(row), row]));
  const upsert: Row[] = [];
  for (const row of after) {
    const key = keyOf(row);
    const was = old.get(key);
    old.delete(key);
    if (!was || !sameRow(was, row)) upsert.push(row);
  }
  return { upsert, remove: [...old.keys()] };
}

function sameRow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(y)) if (x[key] !== y[key]) return false;
  return Object.keys(x).length === Object.keys(y).length;
}

const NAME_FIELD = 'a:bpmn:name';

/**
 * The rows after a change that only renames elements (the commonest edit), from the rows before it,
 * without building the diagram again: a name is in no order and no responsibility, only in the name
 * columns of its own element's rows. Null when the change does anything else (then: a full projection).
 */
export function rowsAfterRenames(previous: ProjectionRows, ops: readonly Op[]): ProjectionRows | null {
  const names = new Map<string, string>();
  for (const op of ops) {
    if (op.op !== 'patch') return null;
    const keys = Object.keys(op.fields);
    if (keys.length !== 1 || keys[0] !== NAME_FIELD) return null;
    const value = op.fields[NAME_FIELD];
    if (value !== null && typeof value !== 'string') return null;
    names.set(op.id, value ?? '');
  }
  const renamed = <Row extends { elementId: string }>(row: Row, key: 'name' | 'elementName'): Row => {
    const name = names.get(row.elementId);
    return name === undefined || row[key as keyof Row] === name ? row : { ...row, [key]: name };
  };
  return {
    activities: previous.activities.map((row) => renamed(row, 'name')),
    handovers: previous.handovers.map((row) => renamed(row, 'name')),
    responsibilities: previous.responsibilities.map((row) => renamed(row, 'elementName')),
    namedRoles: previous.namedRoles,
  };
}
