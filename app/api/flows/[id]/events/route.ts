import { withFlow } from '@/lib/api/flow-route';
import { flowEventStream } from '@/lib/realtime/event-stream';
import { EVENT_STREAM_HEADERS } from '@/lib/realtime/sse-stream';

export const dynamic = 'force-dynamic';

/**
 * text/event-stream of the flow: one event per committed change (id = version, data = the change as
 * JSON with flowId and version), `presence` events, a heartbeat comment. Resumes after Last-Event-ID
 * (or ?after=N); without either it starts at the head.
 */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const resumeFrom = req.headers.get('last-event-id') ?? new URL(req.url).searchParams.get('after');
  const after = resumeFrom && /^\d{1,9}$/.test(resumeFrom.trim()) ? Math.min(Number(resumeFrom), flow.headVersion) : flow.headVersion;
  return new Response(flowEventStream({ flowId: flow.id, after, signal: req.signal }), { headers: EVENT_STREAM_HEADERS });
});
