import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { findingsJson } from '@/lib/api/responsibility-json';
import { loadFlowResponsibility } from '@/lib/db/flows/flow-responsibility';

/** The responsibility gaps of the head: each finding's code, the element to open and an English sentence. */
export const GET = withFlow('flow.view', async ({ flow }) => {
  return NextResponse.json(findingsJson((await loadFlowResponsibility(flow)).findings));
});
