import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { listRevisions } from '@/lib/db/flows/list-revisions';

/** The flow's history, newest first: version, author, time, message. */
export const GET = withFlow('flow.view', async ({ flow, actor }) => {
  return NextResponse.json({ headVersion: flow.headVersion, revisions: await listRevisions(actor, flow.id) });
});
