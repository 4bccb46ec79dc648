import { canSeeFlow, canSeeRole, organisationsSeeingFlows, type Actor } from '@/lib/auth/policy';
import { RACI_LETTERS, type RaciLetter } from '@/lib/domain/responsibility/raci';
import { orderRoleReview, type RoleReviewElement, type RoleReviewItem } from '@/lib/domain/responsibility/role-review';
import { AppError } from '@/lib/errors';
import { db, readRows } from './client';

// The manager's view across flows, read from the projection tables (FlowResponsibility and its read
// model FlowRoleReview), never by parsing BPMN: one role's responsibilities in every flow the actor
// may see, and each role's load.

export type RoleReview = {
  role: { id: string; name: string; organisationId: string; organisationName: string; colour: string; archived: boolean };
  items: RoleReviewItem[];
};

const ROLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function roleNotFound(): AppError {
  return new AppError('NOT_FOUND', 'No such role, or you do not have access to it.');
}

/** Flows (not archived) the actor may see, among those given; policy decides, the query only narrows. */
async function visibleFlows(actor: Actor, flowIds: string[]): Promise<Map<string, string>> {
  if (flowIds.length === 0) return new Map();
  const flows = await db.flow.findMany({
    where: { id: { in: flowIds }, archivedAt: null },
    select: { id: true, name: true, ownerOrganisationId: true, participants: { select: { organisationId: true } } },
  });
  const visible = flows.filter((f) =>
    canSeeFlow(actor, { ownerOrganisationId: f.ownerOrganisationId, participantOrganisationIds: f.participants.map((p) => p.organisationId) }),
  );
  return new Map(visible.map((f) => [f.id, f.name]));
}

type RoleInReach = { id: string; name: string; organisationId: string; archivedAt: Date | null; organisation: { name: string; colour: string } };

/** The role, when the actor may see it (a member of its organisation, or of one sharing a flow with it); 404 otherwise. */
async function roleInReach(actor: Actor, roleId: string): Promise<RoleInReach> {
  const role = await db.role.findUnique({
    where: { id: roleId },
    select: { id: true, name: true, organisationId: true, archivedAt: true, organisation: { select: { name: true, colour: true } } },
  });
  if (!role) throw roleNotFound();
  const member = actor.memberships.some((m) => m.organisationId === role.organisationId);
  const sharing = member
    ? []
    : await db.flowParticipant.findMany({
        where: { flow: { archivedAt: null, participants: { some: { organisationId: role.organisationId } } } },
        select: { organisationId: true },
        distinct: ['organisationId'],
      });
  if (!canSeeRole(actor, { organisationId: role.organisationId, sharingOrganisationIds: sharing.map((s) => s.organisationId) })) throw roleNotFound();
  return role;
}

/**
 * The role's elements in the flows the actor may see: one row per flow from the read model, its
 * elements as JSON text (one JSON.parse, not a driver row per letter; PostgreSQL built it when the
 * projection was written), joined with the flow for its name and for policy's organisationsSeeingFlows,
 * applied in SQL.
 */
async function readRoleReview(actor: Actor, roleId: string): Promise<RoleReviewItem[]> {
  const rows = await readRows<{ flowId: string; flowName: string; items: string }>(
    `SELECT v."flowId", f."name" AS "flowName", v."items"
     FROM "FlowRoleReview" v
     JOIN "Flow" f ON f."id" = v."flowId" AND f."archivedAt" IS NULL
     WHERE v."roleId" = $1
       AND EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = v."flowId" AND p."organisationId" = ANY($2::text[]))`,
    [roleId, organisationsSeeingFlows(actor)],
  );
  // Written by the migration's trigger from FlowResponsibility's typed columns: the shape is ours.
  return orderRoleReview(rows.map(({ flowId, flowName, items }) => ({ flowId, flowName, elements: JSON.parse(items) as RoleReviewElement[] })));
}

/** Every activity and handover where the role is R, A, C or I, in the flows the actor may see; 404 when the role is out of reach. */
export async function getRoleReview(actor: Actor, roleId: string): Promise<RoleReview> {
  if (!ROLE_ID.test(roleId)) throw roleNotFound();
  const role = await roleInReach(actor, roleId);
  const items = await readRoleReview(actor, roleId);
  return {
    role: {
      id: role.id,
      name: role.name,
      organisationId: role.organisationId,
      organisationName: role.organisation.name,
      colour: role.organisation.colour,
      archived: role.archivedAt !== null,
    },
    items,
  };
}

export type RoleLoad = { roleId: string; name: string; archived: boolean; counts: Record<RaciLetter, number>; flows: number };

/**
 * Each role of an organisation with how many activities and handovers it is R, A, C or I for, across the
 * flows the actor may see: a manager sees load, and a role with nothing is a gap. The caller has checked
 * that the actor may see the organisation (or one of its roles).
 */
export async function listRoleLoad(actor: Actor, organisationId: string): Promise<RoleLoad[]> {
  const roles = await db.role.findMany({ where: { organisationId }, select: { id: true, name: true, archivedAt: true }, orderBy: { name: 'asc' } });
  const myOrganisations = actor.memberships.map((m) => m.organisationId);
  const rows = await db.flowResponsibility.groupBy({
    by: ['roleId', 'letter', 'flowId'],
    where: { roleId: { in: roles.map((r) => r.id) }, flow: { archivedAt: null, participants: { some: { organisationId: { in: myOrganisations } } } } },
    _count: { _all: true },
  });
  const flows = await visibleFlows(actor, [...new Set(rows.map((r) => r.flowId))]);
  return roles
    .map((role) => {
      const mine = rows.filter((r) => r.roleId === role.id && flows.has(r.flowId));
      const counts = Object.fromEntries(RACI_LETTERS.map((l) => [l, mine.filter((r) => r.letter === l).reduce((n, r) => n + r._count._all, 0)])) as Record<RaciLetter, number>;
      return { roleId: role.id, name: role.name, archived: role.archivedAt !== null, counts, flows: new Set(mine.map((r) => r.flowId)).size };
    })
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'sv'));
}
