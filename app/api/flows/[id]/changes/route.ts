import { NextResponse } from 'next/server';
import { etagOf, withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { commitBatch } from '@/lib/coediting/commit-batch';
import { listChangesAfter } from '@/lib/db/flows/list-changes';
import { AppError } from '@/lib/errors';
import { changeBatchSchema } from '@/lib/validation/changes';

/** The committed changes after ?after=N (what a screen that saw version N needs), or a reset. */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const raw = new URL(req.url).searchParams.get('after') ?? '0';
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('INVALID', 'after: must be a version number', { field: 'after' });
  const result = await listChangesAfter(flow.id, Number(raw), flow.headVersion);
  return NextResponse.json({ headVersion: flow.headVersion, ...result });
});

/** One batch of element changes from the editor: `{batchId, ops}`. A retry of a batch answers its first version. */
export const POST = withFlow('flow.edit', async ({ flow, actor, req }) => {
  const batch = await parseJsonBody(req, changeBatchSchema);
  const { version, duplicate } = await commitBatch(actor, flow, batch);
  // no-transform: Next gzips every streamed response whatever its size (no Content-Length to weigh),
  // and a new gzip stream for these 30 bytes cost more CPU than anything else in the answer.
  return NextResponse.json({ version, duplicate }, { headers: { ETag: etagOf(version), 'Cache-Control': 'no-transform' } });
});
