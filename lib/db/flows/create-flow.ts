import type { Actor } from '@/lib/auth/policy';
import { buildStartingCollaboration } from '@/lib/domain/starting-collaboration';
import { createFlowSchema, parseFlowInput, type CreateFlowInput } from '@/lib/validation/flows';
import { AppError } from '@/lib/errors';
import { db } from '../client';
import { chooseOwner, insertFlow, type CreatedFlow } from './insert-flow';

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
