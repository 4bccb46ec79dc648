import { canOnOrganisation, type Access, type Actor, type OrganisationAction } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { OrganisationKind } from './generated/client';
import { db } from './client';

export type OrganisationSummary = {
  id: string;
  name: string;
  kind: OrganisationKind;
  customerTerm: string;
  colour: string;
  /** The actor's own access in it. */
  access: Access;
};

/**
 * Asks policy and turns "no" into the right error: an organisation the actor does not belong to
 * answers 404 (its existence does not leak); a member lacking the right gets 403.
 */
export function assertOrganisationAction(actor: Actor, organisationId: string, action: OrganisationAction): void {
  if (!canOnOrganisation(actor, organisationId, 'organisation.view')) {
    throw new AppError('NOT_FOUND', 'No such organisation.');
  }
  if (!canOnOrganisation(actor, organisationId, action)) {
    throw new AppError('FORBIDDEN', 'Your access in this organisation does not allow that.');
  }
}

/** The organisations the actor belongs to, by name. */
export async function listOrganisationsForActor(actor: Actor): Promise<OrganisationSummary[]> {
  const access = new Map(actor.memberships.map((m) => [m.organisationId, m.access]));
  const rows = await db.organisation.findMany({
    where: { id: { in: [...access.keys()] } },
    select: { id: true, name: true, kind: true, customerTerm: true, colour: true },
    orderBy: { name: 'asc' },
  });
  return rows.map((row) => ({ ...row, access: access.get(row.id)! }));
}

/** One organisation the actor belongs to; 404 otherwise. */
export async function getOrganisationForActor(actor: Actor, organisationId: string): Promise<OrganisationSummary> {
  assertOrganisationAction(actor, organisationId, 'organisation.view');
  const row = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true, customerTerm: true, colour: true },
  });
  const access = actor.memberships.find((m) => m.organisationId === organisationId)?.access;
  if (!row || !access) throw new AppError('NOT_FOUND', 'No such organisation.');
  return { ...row, access };
}
