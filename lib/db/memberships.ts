import type { Access, Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ChangeAccessInput, RemoveMemberInput, SetApproverInput } from '@/lib/validation/organisations';
import type { Prisma } from './generated/client';
import { recordAudit } from './audit';
import { db } from './client';
import { endSessions } from './session-versions';
import { assertOrganisationAction } from './organisations';
import { pageWindow, type Page } from './pagination';

/** approver: named by the admins to approve flow versions (admins approve anyway). */
export type MemberSummary = { userId: string; name: string; email: string; access: Access; approver: boolean; since: Date };

/** Members of an organisation, for those allowed to see them (admins); by name. */
export async function listMembers(actor: Actor, organisationId: string): Promise<MemberSummary[]> {
  assertOrganisationAction(actor, organisationId, 'organisation.viewMembers');
  const rows = await db.membership.findMany({
    where: { organisationId },
    select: { access: true, approver: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }],
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, access: r.access, approver: r.approver, since: r.createdAt }));
}

/** One page of the organisation's members whose name or e-mail contains `q` (any case), by name. */
export async function listMembersPage(actor: Actor, organisationId: string, query: { q?: string; page?: number } = {}): Promise<Page<MemberSummary>> {
  assertOrganisationAction(actor, organisationId, 'organisation.viewMembers');
  const q = query.q?.trim();
  const where: Prisma.MembershipWhereInput = {
    organisationId,
    ...(q ? { user: { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] } } : {}),
  };
  const total = await db.membership.count({ where });
  const window = pageWindow(query.page ?? 1, total);
  const rows = await db.membership.findMany({
    where,
    select: { access: true, approver: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }],
    skip: window.skip,
    take: window.pageSize,
  });
  const items = rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, access: r.access, approver: r.approver, since: r.createdAt }));
  return { items, total, page: window.page, pageSize: window.pageSize, pageCount: window.pageCount };
}

function lastAdmin(): AppError {
  return new AppError('CONFLICT', 'An organisation must keep at least one admin. Make someone else admin first.', {
    reason: 'LAST_ADMIN',
  });
}

/**
 * Locks the organisation row so that concurrent changes to its members run one after another: two
 * admins demoting each other at the same moment must not leave the organisation without an admin.
 */
async function lockOrganisation(tx: Prisma.TransactionClient, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
}

async function findMembership(tx: Prisma.TransactionClient, organisationId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: { id: true, access: true },
  });
  if (!membership) throw new AppError('NOT_FOUND', 'That person is not a member of this organisation.');
  return membership;
}

async function otherAdminCount(tx: Prisma.TransactionClient, organisationId: string, userId: string): Promise<number> {
  return tx.membership.count({ where: { organisationId, access: 'ADMIN', NOT: { userId } } });
}

export async function changeMemberAccess(actor: Actor, input: ChangeAccessInput): Promise<void> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageMembers');
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const membership = await findMembership(tx, input.organisationId, input.userId);
    if (membership.access === input.access) return;
    if (membership.access === 'ADMIN' && (await otherAdminCount(tx, input.organisationId, input.userId)) === 0) {
      throw lastAdmin();
    }
    await tx.membership.update({ where: { id: membership.id }, data: { access: input.access } });
    await recordAudit(
      {
        actorId: actor.userId,
        action: 'membership.changeAccess',
        objectType: 'Membership',
        objectId: membership.id,
        organisationId: input.organisationId,
        data: { userId: input.userId, from: membership.access, to: input.access },
      },
      tx,
    );
  });
}

export async function removeMember(actor: Actor, input: RemoveMemberInput): Promise<void> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageMembers');
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const membership = await findMembership(tx, input.organisationId, input.userId);
    if (membership.access === 'ADMIN' && (await otherAdminCount(tx, input.organisationId, input.userId)) === 0) {
      throw lastAdmin();
    }
    await tx.membership.delete({ where: { id: membership.id } });
    // Access is re-read on every request anyway; ending the sessions also closes what the removed person
    // still has open (an editor, a form), so nothing they do afterwards seems to work and then doesn't.
    await endSessions(input.userId, tx);
    await recordAudit(
      {
        actorId: actor.userId,
        action: 'membership.remove',
        objectType: 'Membership',
        objectId: membership.id,
        organisationId: input.organisationId,
        data: { userId: input.userId, access: membership.access },
      },
      tx,
    );
  });
}

/**
 * Names a member approver of flow versions for the organisation, or takes it back (those who manage
 * members: admins). The approver decides on approvals pending now and later; a decision made stands.
 */
export async function setApprover(actor: Actor, input: SetApproverInput): Promise<void> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageMembers');
  await db.$transaction(async (tx) => {
    const membership = await findMembership(tx, input.organisationId, input.userId);
    const { count } = await tx.membership.updateMany({ where: { id: membership.id, approver: !input.approver }, data: { approver: input.approver } });
    if (count === 0) return;
    await recordAudit(
      {
        actorId: actor.userId,
        action: input.approver ? 'membership.approver.named' : 'membership.approver.withdrawn',
        objectType: 'Membership',
        objectId: membership.id,
        organisationId: input.organisationId,
        data: { userId: input.userId },
      },
      tx,
    );
  });
}
