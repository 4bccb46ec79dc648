import { NextResponse } from 'next/server';
import { readLimitedBytes } from '@/lib/api/read-body';
import { mediaTypeOf, parseJsonBody, withUser } from '@/lib/api/route';
import { canKeepIndicators } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { putIndicatorValues } from '@/lib/db/indicators';
import type { PeriodValue } from '@/lib/domain/indicators/indicator';
import { parseValuesCsv } from '@/lib/domain/indicators/parse-values-csv';
import { AppError } from '@/lib/errors';
import { indicatorIdSchema, indicatorValuesSchema } from '@/lib/validation/indicators';

const MAX_CSV_BYTES = 256 * 1024;

// text/csv is not a type a cross-site form can send without a CORS preflight, and cookie calls are
// origin-checked anyway (lib/api/route.ts).

/** JSON `{values: [{period, value}]}` or text/csv with the header `period,value`; any bad CSV line refuses the whole file. */
async function valuesFrom(req: Request): Promise<PeriodValue[]> {
  if (mediaTypeOf(req) !== 'text/csv') return (await parseJsonBody(req, indicatorValuesSchema)).values;
  const parsed = parseValuesCsv(new TextDecoder().decode(await readLimitedBytes(req, MAX_CSV_BYTES)));
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => e.line);
    throw new AppError('INVALID', `Nothing was imported: fix line ${lines.join(', ')} of the file.`, { lines: parsed.errors });
  }
  return parsed.values;
}

export const POST = withUser<{ id: string; indicatorId: string }>(async ({ actor, params, req }) => {
  const flow = await getFlowForActor(actor, params.id, 'flow.view');
  const values = await valuesFrom(req);
  if (!canKeepIndicators(actor, scopeOf(flow))) throw new AppError('FORBIDDEN', 'Only editors of the flow may enter indicator values.');
  if (!indicatorIdSchema.safeParse(params.indicatorId).success) throw new AppError('NOT_FOUND', 'This flow has no such indicator.');
  return NextResponse.json(await putIndicatorValues({ id: flow.id, ownerId: flow.owner.id }, params.indicatorId, actor.userId, values));
});
