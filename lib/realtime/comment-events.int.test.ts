import { afterAll, describe, expect, it } from 'vitest';
import { createComment } from '@/lib/comments/comment-service';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { makeOrganisation, makeUser, twoPoolXml, unique } from '@/lib/db/flows/flow-test-data';
import { flowEventStream } from './event-stream';
import { FlowListener } from './listener';

// A comment written through one app instance reaches a stream served by another: the notification
// goes through PostgreSQL (pg_notify → each instance's own LISTEN connection), never process memory.

const listener = new FlowListener();
afterAll(() => listener.close());

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!pattern.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe('comment events on the flow stream', () => {
  it('sends `event: comment` to a stream of another instance, and no change event', async () => {
    const kommun = await makeOrganisation(unique('Kommun'));
    const region = await makeOrganisation(unique('Region'));
    const editor = await makeUser({ [kommun.id]: 'EDITOR' });
    const viewer = await makeUser({ [region.id]: 'VIEWER' });
    const { id } = await createFlowFromBpmn(editor, twoPoolXml({ orgA: kommun.id, orgB: region.id }));
    const flow = await getFlowForActor(viewer, id, 'flow.view');
    const abort = new AbortController();
    const reader = flowEventStream({ flowId: id, after: flow.headVersion, signal: abort.signal, listener }).getReader();
    await readUntil(reader, /retry: 1000/);
    // Wait until the stream's listener is connected (its first presence event is sent after subscribe).
    await readUntil(reader, /event: presence/);
    await createComment(viewer, flow, { elementId: 'Task_A', body: 'Hej', kind: 'comment' });
    const text = await readUntil(reader, /event: comment/);
    expect(text).toContain(`event: comment\ndata: {"flowId":"${id}"}`);
    expect(text).not.toMatch(/^id: /m);
    abort.abort();
  });
});
