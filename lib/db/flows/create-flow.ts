import { canOnOrganisation, type Actor } from '@/lib/auth/policy';
import { buildStartingCollaboration } from '@/lib/domain/starting-collaboration';
import type { Prisma, ProcessCategory } from '@/lib/db/generated/client';
import { createFlowSchema, parseFlowInput, type CreateFlowInput } from '@/lib/validation/flows';
import { AppError } from '@/lib/errors';
import { recordAudit } from '../audit';
import { db } from '../client';

export type CreatedFlow = { id: string; version: number };

/**
 * The organisation that will own a new flow: the one asked for, or the first listed where the actor
 * may create flows. Other participants need only exist: a shared flow invites the other side.
 */
export function chooseOwner(actor: Actor, requested: string | undefined, candidates: readonly string[]): string {
  if (requested) {
    if (!canOnOrganisation(actor, requested, 'flow.create')) {
      throw new AppError('FORBIDDEN', 'You need editor access in the owner organisation to create a flow there.', { field: 'ownerOrganisationId' });
    }
    return requested;
  }
  const owner = candidates.find((orgId) => canOnOrganisation(actor, orgId, 'flow.create'));
  if (!owner) {
    throw new AppError('FORBIDDEN', 'You need editor access in at least one of the listed organisations to create a flow.', { field: 'organisations' });
  }
  return owner;
}

/** Creates a shared flow with revision 1: a pool per organisation, a lane per chosen role. */
export async function createFlow(actor: Actor, raw: CreateFlowInput): Promise<CreatedFlow> {
  const input = parseFlowInput(createFlowSchema, raw);
  const ownerId = chooseOwner(actor, input.ownerOrganisationId, input.organisations);
  const organisations = await loadOrganisationsWithRoles(input.organisations, input.roles);
  const xml = await buildStartingCollaboration({ flowName: input.name, ownerOrganisationId: ownerId, organisations });
  return insertFlow({
    actor,
    name: input.name,
    purpose: input.purpose,
    category: input.category,
    ownerId,
    participantIds: input.organisations,
    xml,
    message: null,
  });
}

type StartingOrganisation = { id: string; name: string; colour: string; roles: { id: string; name: string }[] };

async function loadOrganisationsWithRoles(orgIds: string[], roles: Record<string, string[]>): Promise<StartingOrganisation[]> {
  const rows = await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, colour: true } });
  const byId = new Map(rows.map((o) => [o.id, o]));
  const missing = orgIds.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('INVALID', `organisations: unknown organisation ${missing.join(', ')}`, { field: 'organisations' });

  const roleIds = Object.values(roles).flat();
  const roleRows = await db.role.findMany({
    where: { id: { in: roleIds } },
    select: { id: true, name: true, organisationId: true, archivedAt: true },
  });
  const roleById = new Map(roleRows.map((r) => [r.id, r]));
  return orgIds.map((orgId) => {
    const org = byId.get(orgId)!;
    const orgRoles = (roles[orgId] ?? []).map((roleId) => {
      const role = roleById.get(roleId);
      if (!role || role.organisationId !== orgId || role.archivedAt) {
        throw new AppError('INVALID', `roles.${orgId}: ${roleId} is not an active role of ${org.name}`, { field: `roles.${orgId}` });
      }
      return { id: role.id, name: role.name };
    });
    return { id: org.id, name: org.name, colour: org.colour, roles: orgRoles };
  });
}

export type NewFlow = {
  actor: Actor;
  name: string;
  purpose: string;
  category: ProcessCategory;
  ownerId: string;
  participantIds: readonly string[];
  xml: string;
  message: string | null;
  auditData?: Prisma.InputJsonObject;
};

/** One transaction: the flow at version 1, its participants (owner included), revision 1 and the audit event. */
export async function insertFlow(flow: NewFlow): Promise<CreatedFlow> {
  const participantIds = [...new Set([flow.ownerId, ...flow.participantIds])];
  return db.$transaction(async (tx) => {
    const created = await tx.flow.create({
      data: {
        name: flow.name,
        purpose: flow.purpose,
        category: flow.category,
        ownerOrganisationId: flow.ownerId,
        createdById: flow.actor.userId,
        headVersion: 1,
        participants: { create: participantIds.map((organisationId) => ({ organisationId })) },
        revisions: { create: { version: 1, bpmnXml: flow.xml, authorId: flow.actor.userId, message: flow.message } },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: flow.actor.userId,
        action: 'flow.created',
        objectType: 'Flow',
        objectId: created.id,
        organisationId: flow.ownerId,
        data: { name: flow.name, participantIds, ...(flow.auditData ?? {}) },
      },
      tx,
    );
    return { id: created.id, version: 1 };
  });
}
