import { canOnOrganisation, type Actor } from '@/lib/auth/policy';
import { recordStateOf } from '@/lib/bpmn/records';
import type { Prisma, ProcessCategory } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';
import { recordAudit } from '../audit';
import { db } from '../client';
import { sqlOf } from '../sql';
import { writeHead } from './flow-head';
import { readStoredBpmn } from './get-revision-xml';
import { projectResponsibilities } from './project-responsibilities';
import { appendRevision } from './save-revision';

// What creating a flow from the form and importing a file have in common: who owns it, and the one
// transaction that writes the flow with its first revision.

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

export type NewFlow = {
  actor: Actor;
  name: string;
  purpose: string;
  category: ProcessCategory;
  ownerId: string;
  participantIds: readonly string[];
  /** The first version, in moddle's normal form. */
  xml: string;
  message: string | null;
  auditData?: Prisma.InputJsonObject;
};

/** One transaction: the flow at version 1, its participants (owner included), its head, revision 1 and the audit events. */
export async function insertFlow(flow: NewFlow): Promise<CreatedFlow> {
  const participantIds = [...new Set([flow.ownerId, ...flow.participantIds])];
  // The head's records come from the XML as stored, so the head and revision 1 are the same state.
  const definitions = await readStoredBpmn(flow.xml);
  const head = recordStateOf(definitions);
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
      },
      select: { id: true },
    });
    const sql = sqlOf(tx);
    await writeHead(sql, created.id, 1, head, false);
    await appendRevision(sql, {
      flowId: created.id,
      ownerOrganisationId: flow.ownerId,
      authorId: flow.actor.userId,
      version: 1,
      xml: flow.xml,
      message: flow.message,
      auditAction: null, // audited below as the flow's creation
    });
    await projectResponsibilities(sql, created.id, definitions);
    // Whoever creates a flow follows it: they hear of what others change in it.
    await tx.flowFollow.create({ data: { userId: flow.actor.userId, flowId: created.id, seenVersion: 1 } });
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
