import type { CatalogueOrganisation } from '@/lib/domain/responsibility/raci-matrix';

export type RoleName = { name: string; organisationId?: string; organisationName?: string; colour?: string };

/** role id → name and organisation, from the participating catalogues; an unknown id keeps itself as its name. */
export function roleNamesOf(catalogue: readonly CatalogueOrganisation[]): (roleId: string | undefined) => RoleName | undefined {
  const byId = new Map<string, RoleName>();
  for (const org of catalogue) {
    for (const role of org.roles) byId.set(role.id, { name: role.name, organisationId: org.id, organisationName: org.name, colour: org.colour });
  }
  return (roleId) => (roleId ? (byId.get(roleId) ?? { name: roleId }) : undefined);
}
