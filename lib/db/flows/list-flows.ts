import { canOnOrganisation, type Actor } from '@/lib/auth/policy';
import type { Prisma, ProcessCategory } from '@/lib/db/generated/client';
import { db } from '../client';
import { assertOrganisationAction } from '../organisations';

export type FlowListItem = {
  id: string;
  name: string;
  category: ProcessCategory;
  /** Participating organisations (owner included), by name. */
  organisations: { id: string; name: string; colour: string }[];
  /** The newest revision: when and by whom; null before the first save. */
  lastChange: { at: Date; by: string } | null;
  /** For ordering and for flows without revisions. */
  createdAt: Date;
};

const flowSelect = {
  id: true,
  name: true,
  category: true,
  headVersion: true,
  createdAt: true,
  participants: { select: { organisation: { select: { id: true, name: true, colour: true } } } },
} satisfies Prisma.FlowSelect;

type FlowRow = Prisma.FlowGetPayload<{ select: typeof flowSelect }>;

/**
 * Two queries whatever the number of flows: the flows with their participants, then their head
 * revisions by the (flowId, version) unique index. Never the XML.
 */
async function listFlows(where: Prisma.FlowWhereInput): Promise<FlowListItem[]> {
  const flows: FlowRow[] = await db.flow.findMany({ where: { ...where, archivedAt: null }, select: flowSelect });
  const heads = flows.filter((f) => f.headVersion > 0);
  const revisions = heads.length
    ? await db.flowRevision.findMany({
        where: { OR: heads.map((f) => ({ flowId: f.id, version: f.headVersion })) },
        select: { flowId: true, createdAt: true, author: { select: { name: true } } },
      })
    : [];
  const lastChange = new Map(revisions.map((r) => [r.flowId, { at: r.createdAt, by: r.author.name }]));
  return flows
    .map((f) => ({
      id: f.id,
      name: f.name,
      category: f.category,
      organisations: f.participants.map((p) => p.organisation).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      lastChange: lastChange.get(f.id) ?? null,
      createdAt: f.createdAt,
    }))
    .sort((a, b) => changedAt(b) - changedAt(a) || a.name.localeCompare(b.name, 'sv'));
}

function changedAt(item: FlowListItem): number {
  return (item.lastChange?.at ?? item.createdAt).getTime();
}

/** The flows the actor may see (policy: any organisation of theirs takes part or owns it), newest change first. */
export async function listFlowsForActor(actor: Actor): Promise<FlowListItem[]> {
  const orgIds = actor.memberships.filter((m) => canOnOrganisation(actor, m.organisationId, 'organisation.view')).map((m) => m.organisationId);
  if (orgIds.length === 0) return [];
  return listFlows({
    OR: [{ ownerOrganisationId: { in: orgIds } }, { participants: { some: { organisationId: { in: orgIds } } } }],
  });
}

/** The processes one organisation takes part in, for its members. */
export async function listFlowsOfOrganisation(actor: Actor, organisationId: string): Promise<FlowListItem[]> {
  assertOrganisationAction(actor, organisationId, 'organisation.view');
  return listFlows({
    OR: [{ ownerOrganisationId: organisationId }, { participants: { some: { organisationId } } }],
  });
}
