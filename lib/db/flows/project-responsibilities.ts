import type { ModdleElement } from 'bpmn-moddle';
import { organisationIdOf } from '@/lib/bpmn/stafett-details';
import type { Prisma } from '@/lib/db/generated/client';
import { readFlowModel } from '@/lib/domain/responsibility/flow-model';
import { RACI_LETTERS, projectResponsibility, type ResponsibilityProjection } from '@/lib/domain/responsibility/raci';
import { AppError } from '@/lib/errors';

type Tx = Prisma.TransactionClient;

/**
 * Rewrites the flow's responsibility tables (FlowActivity, FlowHandover, FlowResponsibility) from the
 * definitions of the revision being committed, inside the caller's transaction: one DELETE and ONE
 * multi-row INSERT per table, so a refused or rolled-back commit leaves the old projection whole.
 * Refuses (400 UNKNOWN_ROLE, naming the elements) a role id that is in no participating organisation's
 * catalogue: a responsibility must point at a real role, or the role review would silently miss it.
 */
export async function projectResponsibilities(tx: Tx, flowId: string, definitions: ModdleElement): Promise<void> {
  const projection = projectResponsibility(definitions);
  await assertKnownRoles(tx, flowId, definitions, projection);

  await tx.flowActivity.deleteMany({ where: { flowId } });
  await tx.flowHandover.deleteMany({ where: { flowId } });
  await tx.flowResponsibility.deleteMany({ where: { flowId } });

  const activities = projection.activities.map((a, position) => ({
    flowId,
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
  const handovers = projection.handovers.map((h, position) => ({
    flowId,
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
  const responsibilities = [
    ...projection.activities.flatMap((a, position) =>
      RACI_LETTERS.flatMap((letter) =>
        a[letter].map((roleId) => ({ flowId, elementId: a.elementId, elementKind: 'ACTIVITY' as const, elementName: a.name, position, roleId, letter })),
      ),
    ),
    ...projection.handovers.flatMap((h, i) =>
      RACI_LETTERS.flatMap((letter) =>
        h[letter].map((roleId) => ({
          flowId,
          elementId: h.elementId,
          elementKind: 'HANDOVER' as const,
          elementName: h.name,
          position: projection.activities.length + i,
          roleId,
          letter,
        })),
      ),
    ),
  ];
  // createMany is one INSERT … VALUES (…), (…) statement per table (Prisma splits only past 32k parameters).
  if (activities.length) await tx.flowActivity.createMany({ data: activities });
  if (handovers.length) await tx.flowHandover.createMany({ data: handovers });
  if (responsibilities.length) await tx.flowResponsibility.createMany({ data: responsibilities, skipDuplicates: true });
}

/** Role ids the diagram names explicitly (responsibility entries, handover roles), by element. */
function namedRoles(projection: ResponsibilityProjection): Map<string, Set<string>> {
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

async function assertKnownRoles(tx: Tx, flowId: string, definitions: ModdleElement, projection: ResponsibilityProjection): Promise<void> {
  const named = namedRoles(projection);
  const roleIds = [...new Set([...named.values()].flatMap((s) => [...s]))];
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
  const elementIds = [...named].filter(([, roles]) => [...roles].some((id) => !knownIds.has(id))).map(([id]) => id);
  throw new AppError(
    'INVALID',
    `A responsibility names a role that is in no participating organisation's catalogue (element ${elementIds.map((id) => `"${id}"`).join(', ')}). Choose a role from the catalogue.`,
    { reason: 'UNKNOWN_ROLE', elementIds, roleIds: unknown },
  );
}
