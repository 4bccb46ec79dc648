import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute, POST as createRoute } from '@/app/api/flows/[id]/indicators/route';
import { POST as valuesRoute } from '@/app/api/flows/[id]/indicators/[indicatorId]/values/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from './api-tokens';
import { db } from './client';
import { createFlowFromBpmn } from './flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from './flows/flow-test-data';

// Issue 15's indicator contract through its routes (Bearer token), against a real database.

let flowId: string;
let tokens: Record<'editor' | 'viewer' | 'stranger', string>;

beforeAll(async () => {
  const kommun = await makeOrganisation(unique('Kommun'));
  const region = await makeOrganisation(unique('Region'));
  const editor: Actor = await makeUser({ [kommun.id]: 'EDITOR' });
  flowId = (await createFlowFromBpmn(editor, twoPoolXml({ orgA: kommun.id, orgB: region.id }), { name: unique('Uppföljning') })).id;
  const token = async (a: Actor) => (await createApiToken(a.userId, 'test')).token;
  tokens = {
    editor: await token(editor),
    viewer: await token(await makeUser({ [region.id]: 'VIEWER' })),
    stranger: await token(await makeUser({ [(await makeOrganisation(unique('Annan'))).id]: 'ADMIN' })),
  };
});

function req(path: string, who: keyof typeof tokens, body?: string, type = 'application/json'): Request {
  return new Request(`http://localhost${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body,
  });
}

const indicator = { name: 'Inskrivningsmeddelande inom 24 timmar', elementId: 'Msg_1', unit: 'percent', target: 90, direction: 'atLeast' };

async function create(who: keyof typeof tokens, body: unknown = indicator) {
  return createRoute(req(`/api/flows/${flowId}/indicators`, who, JSON.stringify(body)), { params: Promise.resolve({ id: flowId }) });
}

async function postValues(indicatorId: string, body: string, type: string, who: keyof typeof tokens = 'editor') {
  return valuesRoute(req(`/api/flows/${flowId}/indicators/${indicatorId}/values`, who, body, type), { params: Promise.resolve({ id: flowId, indicatorId }) });
}

async function list() {
  const res = await listRoute(req(`/api/flows/${flowId}/indicators`, 'viewer'), { params: Promise.resolve({ id: flowId }) });
  return (await res.json()) as { indicators: { id: string; values: { period: string; value: number }[] }[] };
}

describe('indicators', () => {
  it('an editor adds one for a handover (201 with its id); a viewer may not (403), a stranger sees nothing (404), an unknown element is 400', async () => {
    const res = await create('editor');
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string };
    expect(created).toMatchObject({ ...indicator, id: expect.any(String), values: [] });
    expect((await create('viewer')).status).toBe(403);
    expect((await create('stranger')).status).toBe(404);
    expect((await create('editor', { ...indicator, elementId: 'Nope' })).status).toBe(400);
    expect((await create('editor', { ...indicator, unit: 'minutes' })).status).toBe(400);
    expect((await list()).indicators.find((i) => i.id === created.id)).toMatchObject({ ...indicator, values: [] });
  });

  it('takes values as JSON and as CSV, in period order, a period entered again replacing its value', async () => {
    const { id } = (await (await create('editor')).json()) as { id: string };
    expect((await postValues(id, JSON.stringify({ values: [{ period: '2026-02', value: 85 }] }), 'application/json')).status).toBe(200);
    const csv = await postValues(id, 'period,value\r\n2026-01,93\r\n2026-02,88.5\r\n', 'text/csv; charset=utf-8');
    expect(csv.status).toBe(200);
    expect((await list()).indicators.find((i) => i.id === id)?.values).toEqual([
      { period: '2026-01', value: 93 },
      { period: '2026-02', value: 88.5 },
    ]);
    expect((await postValues(id, JSON.stringify({ values: [{ period: '2026-2', value: 1 }] }), 'application/json')).status).toBe(400);
    expect((await postValues(id, 'period,value\n2026-03,1\n', 'text/csv', 'viewer')).status).toBe(403);
  });

  it('refuses a CSV file with bad lines whole: 400 naming each bad line (header = line 1), nothing stored', async () => {
    const { id } = (await (await create('editor')).json()) as { id: string };
    const file = ['period,value', '2026-01,91', '2026-13,80', '2026-02,88', 'mars,70', '2026-04,abc'].join('\n');
    const res = await postValues(id, file, 'text/csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; lines: { line: number; message: string }[] } };
    expect(body.error.code).toBe('INVALID');
    expect(body.error.lines.map((l) => l.line)).toEqual([3, 5, 6]);
    expect(body.error.message).toMatch(/3, 5, 6/);
    expect(await db.indicatorValue.count({ where: { indicatorId: id } })).toBe(0);
  });

  it('answers 404 for an indicator of another flow', async () => {
    expect((await postValues('nosuchindicator', 'period,value\n2026-01,1\n', 'text/csv')).status).toBe(404);
  });
});
