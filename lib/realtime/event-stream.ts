import { commentStamp } from '@/lib/db/comments/comments';
import { currentHeadVersion, listChangesAfter } from '@/lib/db/flows/list-changes';
import { listPresent } from '@/lib/db/presence';
import { flowListener, type FlowListener } from './listener';
import { singleFlight, sseStream } from './sse-stream';

// One Server-Sent Events stream per open screen. Each committed change goes out as an event whose id
// is its version, so a reconnecting EventSource (Last-Event-ID) resumes exactly where it stopped.
// Notifications only say "look"; what is sent is always read from the database, so a lost
// notification costs at most one catch-up interval, never a change. A `comment` event (data: the
// flowId) says the flow's comments changed: the screen reads them again. It goes out on a comment
// notification and whenever the catch-up sees the comments' stamp move (a notification lost).

const CATCH_UP_MS = 5_000;
const PRESENCE_MS = 3_000;

export type EventStreamOptions = { flowId: string; after: number; signal?: AbortSignal; listener?: FlowListener };

export function flowEventStream({ flowId, after, signal, listener = flowListener() }: EventStreamOptions): ReadableStream<Uint8Array> {
  return sseStream((sse) => {
    let lastSent = after;
    let lastPresence = '';
    const pump = singleFlight(async () => {
      try {
        const head = await currentHeadVersion(flowId);
        if (head === null) return sse.close();
        const result = await listChangesAfter(flowId, lastSent, head);
        if ('reset' in result) {
          sse.send(`id: ${head}\nevent: reset\ndata: ${JSON.stringify({ flowId, version: head })}\n\n`);
          lastSent = head;
        } else {
          for (const change of result.changes) {
            sse.send(`id: ${change.version}\ndata: ${JSON.stringify(change)}\n\n`);
            lastSent = change.version;
          }
        }
      } catch (e) {
        console.error(`[events ${flowId}] catch-up failed`, e);
      }
    }, sse.isClosed);
    const presence = async () => {
      try {
        const people = await listPresent(flowId);
        const json = JSON.stringify({ flowId, people });
        if (json === lastPresence) return;
        lastPresence = json;
        sse.send(`event: presence\ndata: ${json}\n\n`);
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
        if ((await now) !== before) sse.send(`event: comment\ndata: ${JSON.stringify({ flowId })}\n\n`);
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
    sse.every(CATCH_UP_MS, () => {
      void pump();
      void comments();
    });
    sse.every(PRESENCE_MS, () => void presence());
    void pump();
    void presence();
    return unsubscribe;
  }, signal);
}
