import type { Access, Actor } from '@/lib/auth/policy';
import { hashPassword } from '@/lib/auth/password';
import { generateSecret, hashSecret } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import type { AcceptAsNewUserInput, InviteMemberInput } from '@/lib/validation/organisations';
import type { OrganisationKind, Prisma } from './generated/client';
import { recordAudit } from './audit';
import { db } from './client';
import { assertOrganisationAction } from './organisations';

export const INVITATION_LIFETIME_DAYS = 14;

export type CreatedInvitation = { id: string; email: string; access: Access; expiresAt: Date; organisationName: string; secret: string };

export type PendingInvitation = { id: string; email: string; access: Access; expiresAt: Date; invitedBy: string };

export type InvitationStatus = 'valid' | 'expired' | 'accepted' | 'revoked';

export type InvitationView = {
  status: InvitationStatus;
  email: string;
  access: Access;
  expiresAt: Date;
  organisation: { id: string; name: string; kind: OrganisationKind };
  // No "does an account exist" here: the link may be opened by anyone who has it, and the page must
  // not tell them whether the address has an account.
};

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'valid';
}

/**
 * Invites a person by email. Returns the secret for the link: it is shown to the admin once and stored
 * only as a hash. An earlier pending invitation for the same email is revoked, so one link is valid.
 */
export async function createInvitation(actor: Actor, input: InviteMemberInput): Promise<CreatedInvitation> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageMembers');
  // Stored lower-case, so "one pending link per address" holds however the admin typed it.
  const email = input.email.trim().toLowerCase();
  const existing = await db.membership.findFirst({
    where: { organisationId: input.organisationId, user: { email: { equals: email, mode: 'insensitive' } } },
    select: { id: true },
  });
  if (existing) {
    throw new AppError('CONFLICT', `${email} is already a member of this organisation.`, { reason: 'ALREADY_MEMBER', field: 'email' });
  }
  const secret = generateSecret();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  return db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { organisationId: input.organisationId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: { organisationId: input.organisationId, email, access: input.access, tokenHash: hashSecret(secret), invitedById: actor.userId, expiresAt },
      select: { id: true, email: true, access: true, expiresAt: true, organisation: { select: { name: true } } },
    });
    await recordAudit(
      { actorId: actor.userId, action: 'invitation.create', objectType: 'Invitation', objectId: invitation.id, organisationId: input.organisationId, data: { email, access: input.access } },
      tx,
    );
    const { organisation, ...rest } = invitation;
    return { ...rest, organisationName: organisation.name, secret };
  });
}

/** Invitations not yet accepted, revoked or expired; for admins. */
export async function listPendingInvitations(actor: Actor, organisationId: string): Promise<PendingInvitation[]> {
  assertOrganisationAction(actor, organisationId, 'organisation.viewMembers');
  const rows = await db.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, access: true, expiresAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((r) => ({ id: r.id, email: r.email, access: r.access, expiresAt: r.expiresAt, invitedBy: r.invitedBy.name }));
}

export async function revokeInvitation(actor: Actor, organisationId: string, invitationId: string): Promise<void> {
  assertOrganisationAction(actor, organisationId, 'organisation.manageMembers');
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'No pending invitation to revoke.');
    await recordAudit({ actorId: actor.userId, action: 'invitation.revoke', objectType: 'Invitation', objectId: invitationId, organisationId }, tx);
  });
}

/** What the invitation page shows; null for a link that never existed. Needs no session. */
export async function findInvitation(secret: string): Promise<InvitationView | null> {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      email: true,
      access: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { id: true, name: true, kind: true } },
    },
  });
  if (!row) return null;
  return { status: statusOf(row), email: row.email, access: row.access, expiresAt: row.expiresAt, organisation: row.organisation };
}

function unusable(status: InvitationStatus | 'unknown'): AppError {
  return new AppError('CONFLICT', `This invitation cannot be used (${status}).`, { reason: `INVITATION_${status.toUpperCase()}` });
}

/**
 * Claims the invitation inside the transaction: the conditional update succeeds for exactly one
 * caller, so a link cannot be used twice even by two simultaneous requests.
 */
async function claim(tx: Prisma.TransactionClient, secret: string, userId: string) {
  const row = await tx.invitation.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, email: true, access: true, organisationId: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!row) throw unusable('unknown');
  const status = statusOf(row);
  if (status !== 'valid') throw unusable(status);
  const { count } = await tx.invitation.updateMany({
    where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date(), acceptedById: userId },
  });
  if (count !== 1) throw unusable('accepted');
  return row;
}

async function joinOrganisation(tx: Prisma.TransactionClient, invitation: { id: string; organisationId: string; access: Access }, userId: string) {
  // Someone who became a member meanwhile keeps the access they have: a link must never demote.
  const membership = await tx.membership.upsert({
    where: { userId_organisationId: { userId, organisationId: invitation.organisationId } },
    create: { userId, organisationId: invitation.organisationId, access: invitation.access },
    update: {},
    select: { id: true },
  });
  await recordAudit(
    { actorId: userId, action: 'invitation.accept', objectType: 'Invitation', objectId: invitation.id, organisationId: invitation.organisationId, data: { membershipId: membership.id, access: invitation.access } },
    tx,
  );
}

/** A signed-in user accepts; the invitation must be for their email. Returns the organisation id. */
export async function acceptInvitation(user: { id: string; email: string }, secret: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const invitation = await claim(tx, secret, user.id);
    if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', 'This invitation was sent to another email address.', { reason: 'INVITATION_OTHER_EMAIL' });
    }
    await joinOrganisation(tx, invitation, user.id);
    return invitation.organisationId;
  });
}

/** A new person accepts: the account is created with the invited email. Returns the email to sign in with. */
export async function acceptInvitationAsNewUser(input: AcceptAsNewUserInput): Promise<{ email: string; organisationId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const pending = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(input.token) }, select: { email: true } });
    if (!pending) throw unusable('unknown');
    const taken = await tx.user.count({ where: { email: { equals: pending.email, mode: 'insensitive' } } });
    if (taken > 0) {
      throw new AppError('CONFLICT', 'An account with this email already exists: sign in to accept.', { reason: 'ACCOUNT_EXISTS' });
    }
    const user = await tx.user.create({ data: { email: pending.email, name: input.name, passwordHash }, select: { id: true } });
    const invitation = await claim(tx, input.token, user.id);
    await recordAudit({ actorId: user.id, action: 'user.create', objectType: 'User', objectId: user.id, data: { via: 'invitation' } }, tx);
    await joinOrganisation(tx, invitation, user.id);
    return { email: pending.email, organisationId: invitation.organisationId };
  });
}
