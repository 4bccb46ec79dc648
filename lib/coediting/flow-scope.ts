import type { FlowScope } from '@/lib/auth/policy';
import type { FlowDetail } from '@/lib/db/flows/get-flow';

export function scopeOf(flow: Pick<FlowDetail, 'owner' | 'organisations'>): FlowScope {
  return { ownerOrganisationId: flow.owner.id, participantOrganisationIds: flow.organisations.map((o) => o.id) };
}
