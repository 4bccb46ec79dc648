import { NextResponse } from 'next/server';
import { etagOf, withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { nameVersion } from '@/lib/coediting/name-version';
import { checkpointSchema } from '@/lib/validation/changes';

/** "Name this version": a named checkpoint of the head in the history. `{message}` → 201 `{version}`. */
export const POST = withFlow('flow.edit', async ({ flow, actor, req }) => {
  const { message } = await parseJsonBody(req, checkpointSchema);
  const { version } = await nameVersion(actor, flow, message);
  return NextResponse.json({ version }, { status: 201, headers: { ETag: etagOf(version) } });
});
