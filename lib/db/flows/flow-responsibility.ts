import { findRevision, readStoredBpmn } from './get-revision-xml';
import type { FlowDetail } from './get-flow';
import { db } from '../client';
import { checkResponsibility, type Finding } from '@/lib/domain/responsibility/checks';
import { projectResponsibility, type ResponsibilityProjection } from '@/lib/domain/responsibility/raci';
import type { CatalogueOrganisation } from '@/lib/domain/responsibility/raci-matrix';

export type FlowResponsibility = {
  version: number;
  projection: ResponsibilityProjection;
  findings: Finding[];
  /** The participating organisations (owner first) with their role catalogues, archived roles included for names. */
  catalogue: CatalogueOrganisation[];
  laneRoleIds: string[];
};

/**
 * The responsibility views of one flow's head (or of `version`, e.g. the published one), computed from the stored BPMN (the same projection the
 * tables hold, so it is right even for a flow last saved before the tables existed). The caller has
 * cleared the flow with policy (flow.view).
 */
export async function loadFlowResponsibility(flow: FlowDetail, version?: number): Promise<FlowResponsibility> {
  const [revision, roles] = await Promise.all([
    findRevision(flow, version),
    db.role.findMany({
      where: { organisationId: { in: flow.organisations.map((o) => o.id) } },
      select: { id: true, name: true, organisationId: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const projection = projectResponsibility(await readStoredBpmn(revision.xml));
  const catalogue = flow.organisations.map((o) => ({
    id: o.id,
    name: o.name,
    colour: o.colour,
    customerTerm: o.customerTerm,
    roles: roles.filter((r) => r.organisationId === o.id).map((r) => ({ id: r.id, name: r.name })),
  }));
  const roleOrganisations = new Map(roles.map((r) => [r.id, r.organisationId]));
  return {
    version: revision.version,
    projection,
    findings: checkResponsibility(projection, { roleOrganisations }),
    catalogue,
    laneRoleIds: projection.lanes.flatMap((l) => (l.roleId ? [l.roleId] : [])),
  };
}
