// The change events of a Stafett event stream (GET /api/flows/:id/events) as a Node test or bench
// reads it with fetch, as a browser's EventSource would: named events (presence, reset) are skipped.

export type ChangeEvent = { flowId: string; version: number; batchId: string };

export async function* changeEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ChangeEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (data && !frame.includes('event: ')) yield JSON.parse(data.slice(6)) as ChangeEvent;
    }
  }
}
