import { notFound } from 'next/navigation';
import { canOnFlow, type Actor, type FlowAction } from '@/lib/auth/policy';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { getFlowForActor, type FlowDetail } from '@/lib/db/flows/get-flow';
import { isAppError } from '@/lib/errors';

export type FlowPageContext = { actor: Actor; flow: FlowDetail; canEdit: boolean };

/**
 * For the flow pages: the signed-in actor and the flow, or a 404 page when the flow is out of reach
 * (unknown, archived, not theirs) or when they see it but may not do `action` here.
 */
export async function loadFlowPage(flowId: string, path: string, action: FlowAction = 'flow.view'): Promise<FlowPageContext> {
  const user = await requireSessionUser(path);
  const actor = await loadActor(user.id);
  let flow: FlowDetail;
  try {
    flow = await getFlowForActor(actor, flowId, action);
  } catch (e) {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound();
    throw e;
  }
  const scope = { ownerOrganisationId: flow.owner.id, participantOrganisationIds: flow.organisations.map((o) => o.id) };
  return { actor, flow, canEdit: canOnFlow(actor, scope, 'flow.edit') };
}

/** Runs a lib call that answers NOT_FOUND for an unknown version; the page then shows 404. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
