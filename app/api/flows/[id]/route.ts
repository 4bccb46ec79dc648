import { NextResponse } from 'next/server';
import { etagOf, withFlow } from '@/lib/api/flow-route';
import { canOnFlow } from '@/lib/auth/policy';

/** The flow's metadata and head version, and what the caller may do with it. */
export const GET = withFlow('flow.view', async ({ flow, actor }) => {
  const scope = { ownerOrganisationId: flow.owner.id, participantOrganisationIds: flow.organisations.map((o) => o.id) };
  return NextResponse.json(
    { ...flow, can: { edit: canOnFlow(actor, scope, 'flow.edit'), administer: canOnFlow(actor, scope, 'flow.administer') } },
    { headers: { ETag: etagOf(flow.headVersion), 'Cache-Control': 'private, no-cache' } },
  );
});
