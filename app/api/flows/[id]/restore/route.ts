import { NextResponse } from 'next/server';
import { etagOf, withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { restoreRevision } from '@/lib/db/flows/restore-revision';
import { restoreRevisionSchema } from '@/lib/validation/flows';

/** Restores { version } as a new revision on top of { baseVersion }; history is never rewritten. */
export const POST = withFlow('flow.edit', async ({ flow, actor, req }) => {
  const { version, baseVersion } = await parseJsonBody(req, restoreRevisionSchema);
  const saved = await restoreRevision(actor, flow.id, version, baseVersion);
  return NextResponse.json(saved, { headers: { ETag: etagOf(saved.version) } });
});
