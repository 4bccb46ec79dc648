import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { handoversJson } from '@/lib/api/responsibility-json';
import { loadFlowResponsibility } from '@/lib/db/flows/flow-responsibility';

/** Every handover (message flow) of the head: from and to (organisation, role, element), what passes, time limit. */
export const GET = withFlow('flow.view', async ({ flow }) => {
  return NextResponse.json(handoversJson((await loadFlowResponsibility(flow)).projection.handovers));
});
