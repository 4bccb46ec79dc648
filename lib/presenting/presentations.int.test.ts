import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postPresentation } from '@/app/api/flows/[id]/presentations/route';
import { GET as getWalkthrough } from '@/app/api/flows/[id]/walkthrough/route';
import { DELETE as deletePresentation, PUT as putPresentation } from '@/app/api/presentations/[code]/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from '@/lib/db/api-tokens';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from '@/lib/db/flows/flow-test-data';
import { FlowListener } from '@/lib/realtime/listener';
import { presentationEventStream } from '@/lib/realtime/presentation-stream';
import { presentationForGuest, revokeGuestLink } from './presentations';

// The presentation routes of issue 13's contract, called as an API client would (Bearer token), and a
// follower's stream on a listener of its own, as on another app instance: the step travels through
// PostgreSQL (the row and pg_notify), never through this process's memory.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
let kommun: Org;
let region: Org;
let presenter: Actor;
let colleague: Actor;
let tokens: Record<'presenter' | 'colleague' | 'stranger', string>;
let flowId: string;
const listeners: FlowListener[] = [];

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'));
  region = await makeOrganisation(unique('Region'));
  presenter = await makeUser({ [kommun.id]: 'VIEWER' });
  colleague = await makeUser({ [region.id]: 'VIEWER' });
  const editor = await makeUser({ [kommun.id]: 'EDITOR' });
  const stranger = await makeUser({ [(await makeOrganisation(unique('Främling'))).id]: 'ADMIN' });
  tokens = {
    presenter: (await createApiToken(presenter.userId, 't')).token,
    colleague: (await createApiToken(colleague.userId, 't')).token,
    stranger: (await createApiToken(stranger.userId, 't')).token,
  };
  flowId = (await createFlowFromBpmn(editor, twoPoolXml({ orgA: kommun.id, orgB: region.id, roleA: kommun.roles[0]!.id }))).id;
});

afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

function request(method: string, path: string, token: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const flowArgs = (id: string) => ({ params: Promise.resolve({ id }) });
const codeArgs = (code: string) => ({ params: Promise.resolve({ code }) });

async function start(token = tokens.presenter) {
  const res = await postPresentation(request('POST', `/api/flows/${flowId}/presentations`, token, {}), flowArgs(flowId));
  return { status: res.status, body: (await res.json()) as { code: string; followUrl: string; guestUrl: string; expiresAt: string } };
}

/** Reads the stream's events until `until` says so, or fails after `ms`. */
async function readUntil(stream: ReadableStream<Uint8Array>, until: (events: { event: string; data: string }[]) => boolean, ms = 2000) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + ms;
  while (!until(events)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out with ${JSON.stringify(events)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data });
    }
  }
  reader.releaseLock();
  return events;
}

describe('the walkthrough and presentation routes', () => {
  it('GET /walkthrough answers the contract shape, the handover a messageFlow step between its ends', async () => {
    const res = await getWalkthrough(request('GET', `/api/flows/${flowId}/walkthrough`, tokens.colleague), flowArgs(flowId));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      steps: [
        { elementId: 'Task_A', name: 'Skicka', organisationId: kommun.id, laneRoleId: kommun.roles[0]!.id, kind: 'task' },
        { elementId: 'Msg_1', name: 'Överlämning', organisationId: kommun.id, laneRoleId: kommun.roles[0]!.id, kind: 'messageFlow' },
        { elementId: 'Task_B', name: 'Ta emot', organisationId: region.id, laneRoleId: null, kind: 'task' },
      ],
    });
    const stranger = await getWalkthrough(request('GET', `/api/flows/${flowId}/walkthrough`, tokens.stranger), flowArgs(flowId));
    expect(stranger.status).toBe(404);
  });

  it('POST starts a session for anyone who may view the flow: 201 with a code to read aloud and both links', async () => {
    const { status, body } = await start();
    expect(status).toBe(201);
    expect(body.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(body.followUrl).toMatch(new RegExp(`/flows/${flowId}/present\\?session=${body.code}$`));
    expect(body.guestUrl).toMatch(new RegExp(`/guest/${body.code}\\.[A-Za-z0-9_-]{43}$`));
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * 3600_000);
    expect((await start(tokens.stranger)).status).toBe(404);
  });

  it('PUT moves the session for its presenter only; a step past the end is refused; DELETE ends it for good', async () => {
    const { body } = await start();
    const move = (token: string, data: unknown) => putPresentation(request('PUT', `/api/presentations/${body.code}`, token, data), codeArgs(body.code));
    expect((await move(tokens.presenter, { stepIndex: 2 })).status).toBe(200);
    const other = await move(tokens.colleague, { stepIndex: 1 });
    expect(other.status).toBe(403);
    expect((await other.json()).error.reason).toBe('NOT_PRESENTER');
    expect((await move(tokens.presenter, { stepIndex: 3 })).status).toBe(400);
    expect((await move(tokens.presenter, { stepIndex: -1 })).status).toBe(400);
    expect((await deletePresentation(request('DELETE', `/api/presentations/${body.code}`, tokens.colleague), codeArgs(body.code))).status).toBe(403);
    expect((await deletePresentation(request('DELETE', `/api/presentations/${body.code}`, tokens.presenter), codeArgs(body.code))).status).toBe(204);
    expect((await move(tokens.presenter, { stepIndex: 1 })).status).toBe(410);
    expect((await deletePresentation(request('DELETE', `/api/presentations/NOSUCH`, tokens.presenter), codeArgs('NOSUCH'))).status).toBe(404);
  });

  it('a follower on another instance’s listener gets each move within a second, and `ended` when the session ends', async () => {
    const { body } = await start();
    const elsewhere = new FlowListener();
    listeners.push(elsewhere);
    const stream = presentationEventStream({ flowId, code: body.code, guest: false, listener: elsewhere });
    expect(await readUntil(stream, (e) => e.some((x) => x.event === 'step'))).toEqual([{ event: 'step', data: '{"stepIndex":0,"overview":false}' }]);
    const sent = Date.now();
    await putPresentation(request('PUT', `/api/presentations/${body.code}`, tokens.presenter, { stepIndex: 1, overview: true }), codeArgs(body.code));
    const moved = await readUntil(stream, (e) => e.length > 0, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(moved).toEqual([{ event: 'step', data: '{"stepIndex":1,"overview":true}' }]);
    await deletePresentation(request('DELETE', `/api/presentations/${body.code}`, tokens.presenter), codeArgs(body.code));
    expect(await readUntil(stream, (e) => e.length > 0, 1000)).toEqual([{ event: 'ended', data: JSON.stringify({ code: body.code }) }]);
  });

  it('a guest link opens its session only while open and not revoked; a forged one opens nothing', async () => {
    const { body } = await start();
    const token = new URL(body.guestUrl).pathname.split('/').pop()!;
    expect((await presentationForGuest(token)).state).toBe('open');
    expect((await presentationForGuest(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).state).toBe('unknown');
    expect((await presentationForGuest(`${body.code}`)).state).toBe('unknown');
    await revokeGuestLink(presenter, body.code);
    expect((await presentationForGuest(token)).state).toBe('ended');
    await expect(revokeGuestLink(colleague, body.code)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
