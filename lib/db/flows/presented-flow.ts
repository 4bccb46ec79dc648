import { db } from '../client';
import type { FlowDetail } from './get-flow';

export type PresentedFlow = Pick<FlowDetail, 'id' | 'name' | 'headVersion' | 'organisations'>;

/**
 * The flow of a guest link's session, without a signed-in actor: the caller has checked the guest
 * link (lib/presenting/presentations.ts). Only what present mode shows; null when archived or gone.
 */
export async function getPresentedFlow(flowId: string): Promise<PresentedFlow | null> {
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    select: {
      id: true,
      name: true,
      headVersion: true,
      archivedAt: true,
      ownerOrganisationId: true,
      participants: { select: { organisation: { select: { id: true, name: true, kind: true, colour: true, customerTerm: true } } } },
    },
  });
  if (!flow || flow.archivedAt) return null;
  const organisations = flow.participants.map((p) => p.organisation);
  const owner = organisations.filter((o) => o.id === flow.ownerOrganisationId);
  const others = organisations.filter((o) => o.id !== flow.ownerOrganisationId).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return { id: flow.id, name: flow.name, headVersion: flow.headVersion, organisations: [...owner, ...others] };
}
