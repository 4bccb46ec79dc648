import { canOnOrganisation, canSeeFlow, type Actor } from '@/lib/auth/policy';
import { buildLandscape, type Band, type LandscapeProcess } from '@/lib/domain/landscape';
import { AppError } from '@/lib/errors';
import type { LandscapeEntryInput } from '@/lib/validation/landscape';
import { recordAudit } from './audit';
import { db } from './client';

const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

function assertMember(actor: Actor, organisationId: string): void {
  if (!ORG_ID.test(organisationId) || !canOnOrganisation(actor, organisationId, 'organisation.view')) {
    throw new AppError('NOT_FOUND', 'No such organisation.');
  }
}

/** The flows the organisation takes part in (shared ones too), as the landscape shows them. */
async function flowsOf(actor: Actor, organisationId: string) {
  const rows = await db.flow.findMany({
    where: { archivedAt: null, participants: { some: { organisationId } } },
    select: {
      id: true,
      name: true,
      purpose: true,
      category: true,
      ownerOrganisationId: true,
      owner: { select: { name: true } },
      participants: { select: { organisationId: true, organisation: { select: { name: true, customerTerm: true } } } },
      handovers: { select: { legalBasis: true } },
    },
  });
  return rows
    .filter((f) => canSeeFlow(actor, { ownerOrganisationId: f.ownerOrganisationId, participantOrganisationIds: f.participants.map((p) => p.organisationId) }))
    .map((f) => ({
      id: f.id,
      name: f.name,
      purpose: f.purpose,
      category: f.category as Band,
      ownerName: f.owner.name,
      organisationNames: f.participants.map((p) => p.organisation.name).sort((a, b) => a.localeCompare(b, 'sv')),
      customerTerms: [...new Set(f.participants.map((p) => p.organisation.customerTerm))],
      legalBases: [...new Set(f.handovers.map((h) => h.legalBasis).filter((b): b is string => !!b))],
    }));
}

export async function loadLandscape(actor: Actor, organisationId: string): Promise<Record<Band, LandscapeProcess[]>> {
  assertMember(actor, organisationId);
  const [flows, entries] = await Promise.all([
    flowsOf(actor, organisationId),
    db.landscapeProcess.findMany({ where: { organisationId } }),
  ]);
  return buildLandscape(flows, entries.map((e) => ({ ...e, category: e.category as Band })));
}

function assertLandscapeAdmin(actor: Actor, organisationId: string): void {
  assertMember(actor, organisationId);
  if (!canOnOrganisation(actor, organisationId, 'organisation.manageLandscape')) {
    throw new AppError('FORBIDDEN', 'Only admins of the organisation may change its process landscape.');
  }
}

/**
 * A flow an entry describes must be one the organisation takes part in, and described once: two
 * descriptions of one flow would leave the landscape showing one of them at random.
 */
async function assertDescribable(organisationId: string, flowId: string | null | undefined, entryId?: string): Promise<void> {
  if (!flowId) return;
  if (!(await db.flowParticipant.findUnique({ where: { flowId_organisationId: { flowId, organisationId } } }))) {
    throw new AppError('INVALID', 'flowId: the organisation does not take part in that flow.', { field: 'flowId' });
  }
  const other = await db.landscapeProcess.findFirst({ where: { organisationId, flowId, ...(entryId ? { id: { not: entryId } } : {}) }, select: { id: true } });
  if (other) throw new AppError('CONFLICT', 'flowId: the landscape already describes that flow; change that entry instead.', { reason: 'ALREADY_DESCRIBED', field: 'flowId', entryId: other.id });
}

function entryNotFound(): AppError {
  return new AppError('NOT_FOUND', 'The process landscape has no such entry.');
}

/** Adds an entry (an admin of the organisation); a flow it describes must be one the organisation takes part in. */
export async function addLandscapeEntry(actor: Actor, organisationId: string, input: LandscapeEntryInput): Promise<{ id: string }> {
  assertLandscapeAdmin(actor, organisationId);
  await assertDescribable(organisationId, input.flowId);
  return db.$transaction(async (tx) => {
    const row = await tx.landscapeProcess.create({ data: { ...input, flowId: input.flowId ?? null, organisationId }, select: { id: true } });
    await recordAudit({ actorId: actor.userId, action: 'organisation.landscape.added', objectType: 'LandscapeProcess', objectId: row.id, organisationId, data: { name: input.name } }, tx);
    return row;
  });
}

/** Replaces what an entry says (an admin of the organisation); 404 for an entry of another organisation. */
export async function updateLandscapeEntry(actor: Actor, organisationId: string, entryId: string, input: LandscapeEntryInput): Promise<{ id: string }> {
  assertLandscapeAdmin(actor, organisationId);
  if (!ORG_ID.test(entryId)) throw entryNotFound();
  await assertDescribable(organisationId, input.flowId, entryId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.landscapeProcess.updateMany({ where: { id: entryId, organisationId }, data: { ...input, flowId: input.flowId ?? null } });
    if (count === 0) throw entryNotFound();
    await recordAudit({ actorId: actor.userId, action: 'organisation.landscape.changed', objectType: 'LandscapeProcess', objectId: entryId, organisationId, data: { name: input.name } }, tx);
    return { id: entryId };
  });
}

/**
 * Removes an entry (an admin of the organisation). A flow it described stays in the landscape as the
 * flow itself says; support processes that served it no longer name it.
 */
export async function removeLandscapeEntry(actor: Actor, organisationId: string, entryId: string): Promise<void> {
  assertLandscapeAdmin(actor, organisationId);
  if (!ORG_ID.test(entryId)) throw entryNotFound();
  await db.$transaction(async (tx) => {
    const removed = await tx.landscapeProcess.deleteMany({ where: { id: entryId, organisationId } });
    if (removed.count === 0) throw entryNotFound();
    await tx.$executeRaw`UPDATE "LandscapeProcess" SET "serves" = array_remove("serves", ${entryId}) WHERE "organisationId" = ${organisationId} AND ${entryId} = ANY("serves")`;
    await recordAudit({ actorId: actor.userId, action: 'organisation.landscape.removed', objectType: 'LandscapeProcess', objectId: entryId, organisationId, data: {} }, tx);
  });
}
