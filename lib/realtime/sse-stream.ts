// The scaffolding every Server-Sent Events stream of ours shares: encoding, a heartbeat comment, the
// `retry` hint, timers that stop with the stream, and closing once, whether the client went away
// (abort, cancel), a write failed, or the stream itself decided to end.

export const HEARTBEAT_MS = 10_000;

/** The headers the event-stream contract names: no caching or transforming proxy, no buffering. */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

export type SseControls = {
  /** Writes raw SSE text; a no-op once closed. */
  send(text: string): void;
  /** Ends the stream (idempotent). */
  close(): void;
  isClosed(): boolean;
  /** Runs `fn` every `ms` until the stream closes. */
  every(ms: number, fn: () => void): void;
};

/**
 * A stream whose `start` sets up its sources through `sse`; the returned function (an unsubscribe)
 * runs when the stream closes.
 */
export function sseStream(start: (sse: SseControls) => (() => void) | void, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const timers: ReturnType<typeof setInterval>[] = [];
      let stop: (() => void) | void;
      const close = () => {
        if (closed) return;
        closed = true;
        stop?.();
        for (const timer of timers) clearInterval(timer);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const sse: SseControls = {
        send(text) {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            close();
          }
        },
        close,
        isClosed: () => closed,
        every(ms, fn) {
          if (!closed) timers.push(setInterval(fn, ms));
        },
      };
      cleanup = close;
      signal?.addEventListener('abort', close);
      sse.send('retry: 1000\n\n');
      sse.every(HEARTBEAT_MS, () => sse.send(': heartbeat\n\n'));
      stop = start(sse);
      if (closed) stop?.();
    },
    cancel() {
      cleanup();
    },
  });
}

/**
 * One run at a time of an async read, and one more after it when asked meanwhile: notifications and
 * timers may ask many times, the database is read once per burst, never concurrently with itself.
 */
export function singleFlight(run: () => Promise<void>, done: () => boolean): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await run();
      } while (again && !done());
    } finally {
      running = false;
    }
  };
}
