import { withUser } from '@/lib/api/route';
import { isPresentationOpen } from '@/lib/auth/policy';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { AppError } from '@/lib/errors';
import { findPresentation } from '@/lib/presenting/presentations';
import { EVENT_STREAM_HEADERS, presentationEventStream } from '@/lib/realtime/presentation-stream';

export const dynamic = 'force-dynamic';

/** A signed-in follower's stream of the presenter's steps; only for people who may view the flow. */
export const GET = withUser<{ code: string }>(async ({ actor, req, params }) => {
  const row = await findPresentation(params.code);
  if (!row) throw new AppError('NOT_FOUND', 'No presentation with this code.');
  await getFlowForActor(actor, row.flowId, 'flow.view');
  if (!isPresentationOpen(row)) throw new AppError('GONE', 'This presentation has ended.', { reason: 'PRESENTATION_ENDED' });
  return new Response(presentationEventStream({ flowId: row.flowId, code: row.code, guest: false, signal: req.signal }), { headers: EVENT_STREAM_HEADERS });
});
