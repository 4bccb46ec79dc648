import { commentStamp } from '@/lib/db/comments/comments';
import { currentHeadVersion, listChangesAfter } from '@/lib/db/flows/list-changes';
import { listPresent } from '@/lib/db/presence';
import { flowListener, type FlowListener } from './listener';

// One Server-Sent Events stream per open screen. Each committed change goes out as an event whose id
// is its version, so a reconnecting EventSource (Last-Event-ID) resumes exactly where it stopped.
// Notifications only say "look"; what is sent is always read from the database, so a lost
// notification costs at most one catch-up interval, never a change. A `comment` event (data: the
// flowId) says the flow's comments changed: the screen reads them again. It goes out on a comment
// notification and whenever the catch-up sees the comments' stamp move (a notification lost).

export const HEARTBEAT_MS = 10_000;
const CATCH_UP_MS = 5_000;
const PRESENCE_MS = 3_000;

export type EventStreamOptions = { flowId: string; after: number; signal?: AbortSignal; listener?: FlowListener };

export function flowEventStream({ flowId, after, signal, listener = flowListener() }: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => undefined as void;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastSent = after;
      let pumping = false;
      let again = false;
      let lastPresence = '';
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const pump = async () => {
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
        try {
          do {
            again = false;
            const head = await currentHeadVersion(flowId);
            if (head === null) return close();
            const result = await listChangesAfter(flowId, lastSent, head);
            if ('reset' in result) {
              send(`id: ${head}\nevent: reset\ndata: ${JSON.stringify({ flowId, version: head })}\n\n`);
              lastSent = head;
            } else {
              for (const change of result.changes) {
                send(`id: ${change.version}\ndata: ${JSON.stringify(change)}\n\n`);
                lastSent = change.version;
              }
            }
          } while (again && !closed);
        } catch (e) {
          console.error(`[events ${flowId}] catch-up failed`, e);
        } finally {
          pumping = false;
        }
      };
      const presence = async () => {
        try {
          const people = await listPresent(flowId);
          const json = JSON.stringify({ flowId, people });
          if (json === lastPresence) return;
          lastPresence = json;
          send(`event: presence\ndata: ${json}\n\n`);
        } catch (e) {
          console.error(`[events ${flowId}] presence failed`, e);
        }
      };
      let commentsSeen: Promise<string | null> = commentStamp(flowId).catch(() => null);
      const comments = async () => {
        try {
          const before = await commentsSeen;
          const now = commentStamp(flowId);
          commentsSeen = now.catch(() => before);
          if ((await now) !== before) send(`event: comment\ndata: ${JSON.stringify({ flowId })}\n\n`);
        } catch (e) {
          console.error(`[events ${flowId}] comments failed`, e);
        }
      };
      const unsubscribe = listener.subscribe(flowId, (event) => {
        if (event.kind === 'presentation') return; // a workshop moved a step: nothing changed in the flow
        if (event.kind === 'comment') return void comments();
        if (event.kind === 'resync') void comments();
        if (event.kind !== 'presence') void pump();
        if (event.kind !== 'change') void presence();
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      const catchUp = setInterval(() => {
        void pump();
        void comments();
      }, CATCH_UP_MS);
      const presenceTick = setInterval(() => void presence(), PRESENCE_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(catchUp);
        clearInterval(presenceTick);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      signal?.addEventListener('abort', close);
      send('retry: 1000\n\n');
      void pump();
      void presence();
    },
    cancel() {
      cleanup();
    },
  });
}
