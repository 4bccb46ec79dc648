import { NextResponse } from 'next/server';
import { etagOf, withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { mapFlowOrganisations } from '@/lib/db/flows/map-flow-organisations';
import { mapFlowOrganisationsSchema } from '@/lib/validation/flows';

/** Links pools to organisations and lanes to roles: { participants, lanes, keepNames?, baseVersion } → a new revision. */
export const PUT = withFlow('flow.edit', async ({ flow, actor, req }) => {
  const { participants, lanes, keepNames, baseVersion } = await parseJsonBody(req, mapFlowOrganisationsSchema);
  const saved = await mapFlowOrganisations(actor, flow.id, { participants, lanes, keepNames }, baseVersion);
  return NextResponse.json(saved, { headers: { ETag: etagOf(saved.version) } });
});
