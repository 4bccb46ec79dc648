import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { canOnFlow } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { markFlowSeen } from '@/lib/db/follows';
import { markGone, markPresent } from '@/lib/db/presence';
import { AppError } from '@/lib/errors';
import { presenceSchema } from '@/lib/validation/changes';

/** "This screen has the flow open" (every few seconds, and when the selection changes). */
export const POST = withFlow('flow.view', async ({ flow, actor, req }) => {
  const body = await parseJsonBody(req, presenceSchema);
  // Nobody shows as editing who may not edit.
  const mode = body.mode === 'edit' && canOnFlow(actor, scopeOf(flow), 'flow.edit') ? 'edit' : 'view';
  // A screen that has the flow open sees its changes live: none of them is news for its follower.
  await Promise.all([markPresent(flow.id, actor.userId, { ...body, mode }), markFlowSeen(actor.userId, flow.id)]);
  return new NextResponse(null, { status: 204 });
});

/** The screen was closed (sent with sendBeacon-like keepalive fetch on page hide). */
export const DELETE = withFlow('flow.view', async ({ flow, actor, req }) => {
  const clientId = new URL(req.url).searchParams.get('clientId') ?? '';
  if (!/^[\w-]{8,100}$/.test(clientId)) throw new AppError('INVALID', 'clientId: required', { field: 'clientId' });
  await markGone(flow.id, actor.userId, clientId);
  return new NextResponse(null, { status: 204 });
});
