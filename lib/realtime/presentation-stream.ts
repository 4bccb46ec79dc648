import { isGuestLinkOpen, isPresentationOpen } from '@/lib/auth/policy';
import { findPresentationByCode } from '@/lib/db/presentations';
import { flowListener, type FlowListener } from './listener';
import { singleFlight, sseStream } from './sse-stream';

// One Server-Sent Events stream per follower of a workshop presentation: a `step` event whenever the
// presenter moves (data: {stepIndex, overview}), `ended` when the session ends, expires or (for a
// guest) the guest link is revoked, then the stream closes. Notifications only say "look"; the step
// is always read from the database, and a periodic read covers a lost notification and the expiry.

const CATCH_UP_MS = 3_000;

export type PresentationStreamOptions = { flowId: string; code: string; guest: boolean; signal?: AbortSignal; listener?: FlowListener };

export function presentationEventStream({ flowId, code, guest, signal, listener = flowListener() }: PresentationStreamOptions): ReadableStream<Uint8Array> {
  return sseStream((sse) => {
    let last = '';
    const read = singleFlight(async () => {
      try {
        const row = await findPresentationByCode(code);
        const open = row && (guest ? isGuestLinkOpen(row) : isPresentationOpen(row));
        if (!row || !open) {
          sse.send(`event: ended\ndata: ${JSON.stringify({ code })}\n\n`);
          return sse.close();
        }
        const json = JSON.stringify({ stepIndex: row.stepIndex, overview: row.overview });
        if (json !== last) {
          last = json;
          sse.send(`event: step\ndata: ${json}\n\n`);
        }
      } catch (e) {
        console.error(`[presentation ${code}] read failed`, e);
      }
    }, sse.isClosed);
    const unsubscribe = listener.subscribe(flowId, (event) => {
      if ((event.kind === 'presentation' && event.code === code) || event.kind === 'resync') void read();
    });
    sse.every(CATCH_UP_MS, () => void read());
    void read();
    return unsubscribe;
  }, signal);
}

export { EVENT_STREAM_HEADERS } from './sse-stream';
