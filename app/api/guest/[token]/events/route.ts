import { errorResponse, toErrorResponse } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { presentationForGuest } from '@/lib/presenting/presentations';
import { EVENT_STREAM_HEADERS, presentationEventStream } from '@/lib/realtime/presentation-stream';

export const dynamic = 'force-dynamic';

/**
 * A guest's stream of the presenter's steps, authorised by the guest link alone (no account, no
 * cookie): it says which step is shown and nothing else, and ends with the session or the link.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const lookup = await presentationForGuest((await params).token);
    if (lookup.state === 'unknown') return errorResponse(new AppError('NOT_FOUND', 'No such guest link.'));
    if (lookup.state === 'ended') return errorResponse(new AppError('GONE', 'This presentation has ended.', { reason: 'PRESENTATION_ENDED' }));
    const { flowId, code } = lookup.presentation;
    return new Response(presentationEventStream({ flowId, code, guest: true, signal: req.signal }), { headers: EVENT_STREAM_HEADERS });
  } catch (e) {
    return toErrorResponse(e);
  }
}
