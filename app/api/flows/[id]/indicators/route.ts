import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { canKeepIndicators } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { createIndicator, listIndicators } from '@/lib/db/indicators';
import { AppError } from '@/lib/errors';
import { createIndicatorSchema } from '@/lib/validation/indicators';

/** `{indicators: [{id, name, elementId, unit, target, direction, values: [{period, value}]}]}`, values in period order. */
export const GET = withFlow('flow.view', async ({ flow }) => {
  return NextResponse.json({ indicators: await listIndicators(flow.id) }, { headers: { 'Cache-Control': 'private, no-cache' } });
});

/** `{name, elementId, unit, target, direction}` → 201 the indicator with its `id` (editors of the flow). */
export const POST = withFlow('flow.view', async ({ flow, actor, req }) => {
  const input = await parseJsonBody(req, createIndicatorSchema);
  if (!canKeepIndicators(actor, scopeOf(flow))) throw new AppError('FORBIDDEN', 'Only editors of the flow may add indicators.');
  const indicator = await createIndicator({ id: flow.id, ownerId: flow.owner.id }, actor.userId, input);
  return NextResponse.json(indicator, { status: 201 });
});
