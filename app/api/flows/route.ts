import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { listFlowsForActor } from '@/lib/db/flows/list-flows';

/** The flows the caller may see, newest change first. (POST, creating a flow, lives beside it.) */
export const GET = withUser(async ({ actor }) => {
  return NextResponse.json({ flows: await listFlowsForActor(actor) });
});
