import { isGuestLinkOpen, isPresentationOpen } from '@/lib/auth/policy';
import { findPresentationByCode } from '@/lib/db/presentations';
import { flowListener, type FlowListener } from './listener';

// One Server-Sent Events stream per follower of a workshop presentation: a `step` event whenever the
// presenter moves (data: {stepIndex, overview}), `ended` when the session ends, expires or (for a
// guest) the guest link is revoked, then the stream closes. Notifications only say "look"; the step
// is always read from the database, and a periodic read covers a lost notification and the expiry.

const HEARTBEAT_MS = 10_000;
const CATCH_UP_MS = 3_000;

export type PresentationStreamOptions = { flowId: string; code: string; guest: boolean; signal?: AbortSignal; listener?: FlowListener };

export function presentationEventStream({ flowId, code, guest, signal, listener = flowListener() }: PresentationStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let last = '';
      let reading = false;
      let again = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const read = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            const row = await findPresentationByCode(code);
            const open = row && (guest ? isGuestLinkOpen(row) : isPresentationOpen(row));
            if (!row || !open) {
              send(`event: ended\ndata: ${JSON.stringify({ code })}\n\n`);
              return close();
            }
            const json = JSON.stringify({ stepIndex: row.stepIndex, overview: row.overview });
            if (json !== last) {
              last = json;
              send(`event: step\ndata: ${json}\n\n`);
            }
          } while (again && !closed);
        } catch (e) {
          console.error(`[presentation ${code}] read failed`, e);
        } finally {
          reading = false;
        }
      };
      const unsubscribe = listener.subscribe(flowId, (event) => {
        if ((event.kind === 'presentation' && event.code === code) || event.kind === 'resync') void read();
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      const catchUp = setInterval(() => void read(), CATCH_UP_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(catchUp);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      signal?.addEventListener('abort', close);
      send('retry: 1000\n\n');
      void read();
    },
    cancel() {
      cleanup();
    },
  });
}

export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;
