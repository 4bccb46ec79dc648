import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listComments, POST as postComment } from '@/app/api/flows/[id]/comments/route';
import { DELETE as deleteComment, PATCH as patchComment } from '@/app/api/flows/[id]/comments/[commentId]/route';
import { POST as postReply } from '@/app/api/flows/[id]/comments/[commentId]/replies/route';
import { GET as getRevisions } from '@/app/api/flows/[id]/revisions/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from '@/lib/db/api-tokens';
import { db } from '@/lib/db/client';
import { listWaitingFor } from '@/lib/db/comments/waiting';
import { commitChanges } from '@/lib/db/flows/commit-changes';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { readHeadState } from '@/lib/db/flows/flow-head';
import { makeOrganisation, makeUser, twoPoolXml, unique } from '@/lib/db/flows/flow-test-data';

// Issue 14's contract, called as an API client would (Bearer tokens), against a real database:
// Pool_A/Task_A belong to the kommun, Pool_B/Task_B to the region.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
type Who = 'kommunEditor' | 'kommunViewer' | 'regionEditor' | 'regionViewer' | 'stranger';
let kommun: Org;
let region: Org;
const actors = {} as Record<Who, Actor & { name: string }>;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'));
  region = await makeOrganisation(unique('Region'));
  const stranger = await makeOrganisation(unique('Främling'));
  actors.kommunEditor = await makeUser({ [kommun.id]: 'EDITOR' }, unique('Ahmed'));
  actors.kommunViewer = await makeUser({ [kommun.id]: 'VIEWER' }, unique('Vera'));
  actors.regionEditor = await makeUser({ [region.id]: 'EDITOR' }, unique('Johan'));
  actors.regionViewer = await makeUser({ [region.id]: 'VIEWER' }, unique('Rut'));
  actors.stranger = await makeUser({ [stranger.id]: 'ADMIN' });
  for (const who of Object.keys(actors) as Who[]) tokens[who] = (await createApiToken(actors[who].userId, 'test')).token;
});

async function newFlow(): Promise<string> {
  const { id } = await createFlowFromBpmn(actors.kommunEditor, twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName: 'Planera' }));
  return id;
}

type Handler = (req: Request, args: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, who: Who, params: Record<string, string>, init: { method?: string; body?: unknown; query?: string } = {}) {
  const req = new Request(`http://localhost/api/x${init.query ?? ''}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${tokens[who]}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  return handler(req, { params: Promise.resolve(params) });
}

const post = (who: Who, id: string, body: unknown) => call(postComment as Handler, who, { id }, { method: 'POST', body });
const patch = (who: Who, id: string, commentId: string, body: unknown) => call(patchComment as Handler, who, { id, commentId }, { method: 'PATCH', body });

describe('POST and GET /api/flows/:id/comments', () => {
  it('lets a viewer comment; a suggestion is addressed from the element’s pool, whatever the client says', async () => {
    const id = await newFlow();
    const viewer = await post('regionViewer', id, { elementId: null, body: 'Hela flödet saknar uppföljning' });
    expect(viewer.status).toBe(201);
    expect(await viewer.json()).toMatchObject({ elementId: null, kind: 'comment', status: 'open', authorId: actors.regionViewer.userId, replies: [] });

    const res = await post('regionEditor', id, { elementId: 'Task_A', kind: 'suggestion', body: 'Byt namn', proposal: { name: 'Planera insatser' }, addressedToOrganisationId: region.id });
    expect(res.status).toBe(201);
    const suggestion = await res.json();
    expect(suggestion).toMatchObject({ elementId: 'Task_A', kind: 'suggestion', addressedToOrganisationId: kommun.id, proposal: { name: 'Planera insatser' } });

    // A diagram shape's id means the element it draws.
    const onShape = await (await post('kommunViewer', id, { elementId: 'Task_B_di', body: 'Fråga', kind: 'suggestion' })).json();
    expect(onShape).toMatchObject({ elementId: 'Task_B', addressedToOrganisationId: region.id });

    const list = await call(listComments as Handler, 'kommunViewer', { id });
    expect(list.status).toBe(200);
    const { comments } = await list.json();
    expect(comments.map((c: { id: string }) => c.id)).toEqual([expect.any(String), suggestion.id, onShape.id]);
    expect(Object.keys(comments[0]).sort()).toEqual(expect.arrayContaining(['id', 'elementId', 'kind', 'body', 'status', 'authorId', 'addressedToOrganisationId', 'replies']));
  });

  it('refuses a body over 5,000 characters with 400, and takes exactly 5,000', async () => {
    const id = await newFlow();
    expect((await post('kommunEditor', id, { elementId: null, body: 'x'.repeat(5001) })).status).toBe(400);
    expect((await post('kommunEditor', id, { elementId: null, body: 'x'.repeat(5000) })).status).toBe(201);
    const thread = await (await post('kommunEditor', id, { elementId: null, body: 'kort' })).json();
    expect((await call(postReply as Handler, 'kommunEditor', { id, commentId: thread.id }, { method: 'POST', body: { body: 'y'.repeat(5001) } })).status).toBe(400);
    expect((await patch('kommunEditor', id, thread.id, { body: 'y'.repeat(5001) })).status).toBe(400);
  });

  it('exports the threads and replies as CSV for the minutes', async () => {
    const id = await newFlow();
    const thread = await (await post('kommunEditor', id, { elementId: 'Task_A', body: 'Behövs steget?' })).json();
    await call(postReply as Handler, 'regionViewer', { id, commentId: thread.id }, { method: 'POST', body: { body: '=SUMMA(A1)' } });
    const res = await call(listComments as Handler, 'regionViewer', { id }, { query: '?format=csv' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*kommentarer\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe('Element;Typ;Status;Av;Skriven;Text;Skäl');
    expect(lines[1]).toMatch(new RegExp(`^Planera;Kommentar;Öppen;${actors.kommunEditor.name};[^;]+;Behövs steget\\?;$`));
    expect(lines[2]).toMatch(new RegExp(`^Planera;Svar;;${actors.regionViewer.name};[^;]+;'=SUMMA\\(A1\\);$`));
  });

  it('keeps markup as the text it was written as', async () => {
    const id = await newFlow();
    const body = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const created = await (await post('kommunEditor', id, { elementId: 'Task_A', body })).json();
    expect(created.body).toBe(body);
  });

  it('answers 404 to someone outside the flow, and to an unknown element 400', async () => {
    const id = await newFlow();
    expect((await post('stranger', id, { elementId: null, body: 'hej' })).status).toBe(404);
    expect((await call(listComments as Handler, 'stranger', { id })).status).toBe(404);
    expect((await post('kommunEditor', id, { elementId: 'Nope', body: 'hej' })).status).toBe(400);
    // A comment of another flow is as unknown here as a missing one.
    const other = await newFlow();
    const elsewhere = await (await post('kommunEditor', other, { elementId: null, body: 'där' })).json();
    expect((await patch('kommunEditor', id, elsewhere.id, { status: 'resolved' })).status).toBe(404);
    expect((await patch('kommunEditor', id, '[commentId]', { status: 'resolved' })).status).toBe(404);
  });
});

describe('PATCH /api/flows/:id/comments/:commentId', () => {
  it('only editors of the addressed organisation accept or reject; the others get 403', async () => {
    const id = await newFlow();
    const s = await (await post('regionEditor', id, { elementId: 'Task_A', kind: 'suggestion', body: 'Byt namn', proposal: { name: 'Nytt' } })).json();
    for (const who of ['regionEditor', 'regionViewer', 'kommunViewer'] as Who[]) {
      expect((await patch(who, id, s.id, { status: 'accepted' })).status, who).toBe(403);
      expect((await patch(who, id, s.id, { status: 'rejected', reason: 'nej' })).status, who).toBe(403);
    }
    expect((await patch('stranger', id, s.id, { status: 'accepted' })).status).toBe(404);
    expect((await patch('kommunEditor', id, s.id, { status: 'rejected' })).status).toBe(400);
    const rejected = await patch('kommunEditor', id, s.id, { status: 'rejected', reason: 'Namnet följer lagtexten' });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toMatchObject({ status: 'rejected', reason: 'Namnet följer lagtexten', decidedById: actors.kommunEditor.userId });
    // The author is told in the app.
    const waiting = await listWaitingFor(actors.regionEditor);
    expect(waiting).toContainEqual(expect.objectContaining({ kind: 'decided', commentId: s.id, status: 'REJECTED' }));
  });

  it('accepting applies the proposal as the accepting editor’s own change, through the commit path, in history', async () => {
    const id = await newFlow();
    const before = (await db.flow.findUniqueOrThrow({ where: { id } })).headVersion;
    const s = await (await post('regionEditor', id, { elementId: 'Task_A', kind: 'suggestion', body: 'Tydligare namn', proposal: { name: 'Planera kommunens insatser' } })).json();
    const res = await patch('kommunEditor', id, s.id, { status: 'accepted' });
    expect(res.status).toBe(200);
    const accepted = await res.json();
    expect(accepted).toMatchObject({ status: 'accepted', appliedVersion: before + 1, decidedById: actors.kommunEditor.userId });

    const flow = await db.flow.findUniqueOrThrow({ where: { id } });
    expect(flow.headVersion).toBe(before + 1);
    const head = await readHeadState(id, flow.headVersion);
    expect(head.byId.get('Task_A')?.fields['a:bpmn:name']).toBe('Planera kommunens insatser');
    const change = await db.flowChange.findUniqueOrThrow({ where: { flowId_version: { flowId: id, version: before + 1 } } });
    expect(change.authorId).toBe(actors.kommunEditor.userId);
    expect(change.batchId).toBe(`suggestion-${s.id}`);

    const revisions = await (await call(getRevisions as Handler, 'regionViewer', { id })).json();
    const entry = JSON.stringify(revisions);
    expect(entry).toContain(s.id);
    expect(entry).toContain('Planera kommunens insatser');

    // Decided once: a second accept changes nothing.
    expect((await patch('kommunEditor', id, s.id, { status: 'accepted' })).status).toBe(409);
    expect((await db.flow.findUniqueOrThrow({ where: { id } })).headVersion).toBe(before + 1);
  });

  it('a suggestion may propose step details: accepting changes just those, keeps the rest, and says it in the thread', async () => {
    const id = await newFlow();
    const base = { elementId: 'Task_A', kind: 'suggestion', body: 'Tidsgränsen enligt lagen' };
    // Only a step has step details, and a proposal must propose something.
    expect((await post('regionEditor', id, { ...base, elementId: 'Pool_A', proposal: { details: { timeLimit: 'x' } } })).status).toBe(400);
    expect((await post('regionEditor', id, { ...base, proposal: {} })).status).toBe(400);
    expect((await post('regionEditor', id, { ...base, proposal: { details: { valueClass: 'gold' } } })).status).toBe(400);

    const s = await (await post('regionEditor', id, { ...base, proposal: { details: { timeLimit: 'Inom 24 timmar', valueClass: 'value' } } })).json();
    expect(s.proposal).toEqual({ details: { timeLimit: 'Inom 24 timmar', valueClass: 'value' } });
    // The kommun has set an IT system meanwhile: the proposal leaves it as it is.
    const { definitionsOf } = await import('@/lib/bpmn/records');
    const { stepDetailsOf } = await import('@/lib/bpmn/stafett-details');
    const { proposalOps } = await import('./proposal-ops');
    const flow0 = await db.flow.findUniqueOrThrow({ where: { id } });
    const withSystem = proposalOps(await readHeadState(id, flow0.headVersion), 'Task_A', { details: { itSystem: 'Lifecare' } });
    await commitChanges({ flowId: id, authorId: actors.kommunEditor.userId, batchId: unique('sys'), ops: withSystem, rights: 'system' });

    expect((await patch('kommunEditor', id, s.id, { status: 'accepted' })).status).toBe(200);
    const flow = await db.flow.findUniqueOrThrow({ where: { id } });
    const definitions = definitionsOf(await readHeadState(id, flow.headVersion));
    const { walkContained } = await import('@/lib/bpmn/elements');
    let element: import('bpmn-moddle').ModdleElement | undefined;
    walkContained(definitions, (e) => void (e.id === 'Task_A' && (element = e)));
    expect(stepDetailsOf(element!)).toEqual({ touchpoint: false, timeLimit: 'Inom 24 timmar', valueClass: 'value', itSystem: 'Lifecare' });
    expect(element!.name).toBe('Planera');
  });

  it('resolve: the author or an editor of either organisation; not another viewer', async () => {
    const id = await newFlow();
    const c = await (await post('regionViewer', id, { elementId: 'Task_A', body: 'Oklart' })).json();
    expect((await patch('kommunViewer', id, c.id, { status: 'resolved' })).status).toBe(403);
    expect((await patch('regionViewer', id, c.id, { status: 'resolved' })).status).toBe(200);
    expect((await patch('kommunViewer', id, c.id, { status: 'open' })).status).toBe(403);
    expect((await patch('kommunEditor', id, c.id, { status: 'open' })).status).toBe(200);
    expect((await patch('regionEditor', id, c.id, { status: 'resolved' })).status).toBe(200);
    expect((await patch('kommunEditor', id, c.id, { status: 'accepted' })).status).toBe(400);
  });

  it('edit and delete: only one’s own', async () => {
    const id = await newFlow();
    const c = await (await post('kommunViewer', id, { elementId: null, body: 'Först' })).json();
    expect((await patch('kommunEditor', id, c.id, { body: 'Kapat' })).status).toBe(403);
    expect((await call(deleteComment as Handler, 'kommunEditor', { id, commentId: c.id }, { method: 'DELETE' })).status).toBe(403);
    expect(await (await patch('kommunViewer', id, c.id, { body: 'Ändrat' })).json()).toMatchObject({ body: 'Ändrat' });
    expect((await call(deleteComment as Handler, 'kommunViewer', { id, commentId: c.id }, { method: 'DELETE' })).status).toBe(204);
    const { comments } = await (await call(listComments as Handler, 'kommunViewer', { id })).json();
    expect(comments).toEqual([]);
  });
});

describe('replies, mentions and removed members', () => {
  it('a reply with an @mention lands in the mentioned person’s list', async () => {
    const id = await newFlow();
    const thread = await (await post('regionEditor', id, { elementId: 'Task_A', body: 'Vem äger detta?' })).json();
    const reply = await call(postReply as Handler, 'kommunViewer', { id, commentId: thread.id }, { method: 'POST', body: { body: `Fråga @${actors.regionViewer.name}` } });
    expect(reply.status).toBe(201);
    const list = await listWaitingFor(actors.regionViewer);
    expect(list).toContainEqual(expect.objectContaining({ kind: 'mention', flowId: id, elementId: 'Task_A' }));
    expect(await listWaitingFor(actors.regionEditor)).not.toContainEqual(expect.objectContaining({ kind: 'mention', flowId: id }));
    const { comments } = await (await call(listComments as Handler, 'regionEditor', { id })).json();
    expect(comments[0].replies).toEqual([expect.objectContaining({ authorId: actors.kommunViewer.userId })]);
  });

  it('a removed member loses access at once', async () => {
    const org = await makeOrganisation(unique('Region'));
    const member = await makeUser({ [org.id]: 'EDITOR' });
    const token = (await createApiToken(member.userId, 'test')).token;
    const { id } = await createFlowFromBpmn(actors.kommunEditor, twoPoolXml({ orgA: kommun.id, orgB: org.id }));
    const as = (body: unknown) =>
      postComment(new Request('http://localhost/x', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    expect((await as({ elementId: null, body: 'innan' })).status).toBe(201);
    await db.membership.deleteMany({ where: { userId: member.userId } });
    expect((await as({ elementId: null, body: 'efter' })).status).toBe(404);
  });

  it('a thread about an element that is deleted stays, marked as about a removed element', async () => {
    const id = await newFlow();
    const c = await (await post('kommunEditor', id, { elementId: 'Task_A', body: 'Detta steg behövs inte' })).json();
    await commitChanges({ flowId: id, authorId: actors.kommunEditor.userId, batchId: `rm-${c.id}`, rights: 'system', ops: (head) => {
      return [...head.state.byId.values()].filter((r) => r.id === 'Task_A' || r.fields['r:bpmndi:bpmnElement'] === 'Task_A' || r.id === 'Msg_1' || r.fields['r:bpmndi:bpmnElement'] === 'Msg_1').map((r) => ({ op: 'remove' as const, id: r.id }));
    } });
    const { comments } = await (await call(listComments as Handler, 'kommunEditor', { id })).json();
    expect(comments).toEqual([expect.objectContaining({ id: c.id, elementId: 'Task_A', elementName: 'Planera', elementRemoved: true })]);
    // Accepting a suggestion about it can no longer apply anything.
  });
});
