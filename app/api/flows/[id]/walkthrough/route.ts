import { NextResponse } from 'next/server';
import { versionFromQuery, withFlow } from '@/lib/api/flow-route';
import { loadWalkthroughSteps } from '@/lib/db/flows/flow-walkthrough';

/** The steps of present mode in walkthrough order, each handover a messageFlow step of its own. */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const { steps } = await loadWalkthroughSteps(flow, versionFromQuery(req));
  return NextResponse.json({
    steps: steps.map((s) => ({
      elementId: s.elementId,
      name: s.name,
      organisationId: s.organisationId ?? null,
      laneRoleId: s.laneRoleId ?? null,
      kind: s.kind,
    })),
  });
});
