import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { diffRevisions } from '@/lib/db/flows/diff-revisions';
import { diffQuerySchema, parseFlowInput } from '@/lib/validation/flows';

/** What changed between ?from=N and ?to=M, as JSON (added, removed, changed, layoutChanged). */
export const GET = withFlow('flow.view', async ({ flow, actor, req }) => {
  const params = new URL(req.url).searchParams;
  const { from, to } = parseFlowInput(diffQuerySchema, { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined });
  return NextResponse.json(await diffRevisions(actor, flow.id, from, to));
});
