import { db } from '../client';

export type OrganisationWithRoles = {
  id: string;
  name: string;
  kind: 'MUNICIPALITY' | 'REGION' | 'OTHER';
  colour: string;
  roles: { id: string; name: string }[];
};

/**
 * Every organisation with its current (non-archived) roles, for the "new shared flow" form. All are
 * listed on purpose: a shared flow invites the other side, which the creator is usually not a member of.
 * Names and colours only; members and other details stay behind organisation.view.
 */
export async function listOrganisationsWithRoles(): Promise<OrganisationWithRoles[]> {
  const rows = await db.organisation.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      kind: true,
      colour: true,
      roles: { where: { archivedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } },
    },
  });
  return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, colour: o.colour, roles: o.roles }));
}
