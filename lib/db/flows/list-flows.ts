import { canOnOrganisation, type Actor } from '@/lib/auth/policy';
import { Prisma, type ProcessCategory } from '@/lib/db/generated/client';
import { db } from '../client';
import { assertOrganisationAction } from '../organisations';
import { escapeLike, pageWindow, PAGE_SIZE, type Page } from '../pagination';

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

/** What a list of flows may be narrowed to (URL search params of the home page). */
export type FlowListQuery = {
  /** Part of the name, any case. */
  q?: string;
  category?: ProcessCategory;
  /** Only flows this organisation owns or takes part in (it must be one of the actor's). */
  organisationId?: string;
  page?: number;
  pageSize?: number;
};

/**
 * One page of the flows the actor may see, filtered and ordered (newest change first, then by name)
 * in the database: a count and one page of ids, then the page's details as listFlows reads them. The
 * newest change is the head revision's time, found by the (flowId, version) unique index.
 */
export async function listFlowsPageForActor(actor: Actor, query: FlowListQuery = {}): Promise<Page<FlowListItem>> {
  const visible = actor.memberships.filter((m) => canOnOrganisation(actor, m.organisationId, 'organisation.view')).map((m) => m.organisationId);
  const orgIds = query.organisationId ? visible.filter((id) => id === query.organisationId) : visible;
  const pageSize = query.pageSize ?? PAGE_SIZE;
  if (orgIds.length === 0) return { items: [], total: 0, page: 1, pageSize, pageCount: 1 };
  const conditions = [
    Prisma.sql`f."archivedAt" IS NULL`,
    Prisma.sql`(f."ownerOrganisationId" IN (${Prisma.join(orgIds)}) OR EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = f.id AND p."organisationId" IN (${Prisma.join(orgIds)})))`,
  ];
  const q = query.q?.trim();
  if (q) conditions.push(Prisma.sql`f.name ILIKE ${`%${escapeLike(q)}%`}`);
  if (query.category) conditions.push(Prisma.sql`f.category = ${query.category}::"ProcessCategory"`);
  const where = Prisma.join(conditions, ' AND ');

  const [{ count }] = await db.$queryRaw<[{ count: bigint }]>`SELECT count(*) AS count FROM "Flow" f WHERE ${where}`;
  const total = Number(count);
  const window = pageWindow(query.page ?? 1, total, pageSize);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM "Flow" f
    LEFT JOIN "FlowRevision" r ON r."flowId" = f.id AND r.version = f."headVersion"
    WHERE ${where}
    ORDER BY COALESCE(r."createdAt", f."createdAt") DESC, f.name ASC, f.id ASC
    LIMIT ${window.pageSize} OFFSET ${window.skip}`;
  const items = await listFlows({ id: { in: ids.map((r) => r.id) } });
  return { items, total, page: window.page, pageSize: window.pageSize, pageCount: window.pageCount };
}
