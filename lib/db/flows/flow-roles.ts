import { db } from '../client';

export type FlowRoleCatalogue = {
  organisationId: string;
  organisationName: string;
  roles: { id: string; name: string }[];
};

/**
 * The role catalogues of the organisations taking part in a flow (active roles only), for the editor's
 * "add a lane for a role". The caller has already cleared the flow with policy (flow.view or flow.edit).
 */
export async function listRolesForFlow(flowId: string): Promise<FlowRoleCatalogue[]> {
  const participants = await db.flowParticipant.findMany({
    where: { flowId },
    select: {
      organisation: {
        select: {
          id: true,
          name: true,
          roles: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } },
        },
      },
    },
  });
  return participants
    .map(({ organisation }) => ({
      organisationId: organisation.id,
      organisationName: organisation.name,
      roles: organisation.roles.map((r) => ({ id: r.id, name: r.name })),
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv'));
}

/** role id → name for every role (archived included) of the organisations taking part in a flow. */
export async function listRoleNamesForFlow(flowId: string): Promise<Record<string, string>> {
  const roles = await db.role.findMany({
    where: { organisation: { flows: { some: { flowId } } } },
    select: { id: true, name: true },
  });
  return Object.fromEntries(roles.map((r) => [r.id, r.name]));
}
