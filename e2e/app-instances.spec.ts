import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readEvents, startInstance, stopInstance, type AppInstance } from './app-instances';
import { expect, test } from './fixtures';
import { createApiToken, sql } from './organisation-helpers';

// Several app instances on one database (issue 10): nothing that matters lives in one process. An
// edit through one instance reaches a client of another; an instance killed (kill -9) in the middle of
// changes loses no acknowledged change, writes no partial one, and a client's pending batches, sent
// again after the restart, are committed exactly once.

const BUILT = existsSync(path.resolve(__dirname, '..', '.next', 'BUILD_ID'));
const DATABASE_URL = process.env.DATABASE_URL;

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.skip(!BUILT, 'needs a production build: run `npm test`, which builds before Playwright');
test.skip(!DATABASE_URL, 'needs DATABASE_URL of the run (set by `npm test`)');
test.use({ axeScan: false });

let a: AppInstance | undefined;
let b: AppInstance | undefined;
let token = '';

async function userId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email]);
  return row!.id;
}

async function api(instance: AppInstance, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${instance.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** A kommun-owned flow with the kommun's pool, made through the API. Returns its id and its process. */
async function newFlow(instance: AppInstance): Promise<{ id: string; processId: string; planeId: string }> {
  const [kommun] = await sql<{ id: string }>(`SELECT id FROM "Organisation" WHERE name = 'Kommunen'`);
  const created = await api(instance, 'POST', '/api/flows', { name: `Instanser ${randomUUID().slice(0, 8)}`, category: 'CORE', organisations: [kommun!.id], roles: {} });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const xml = await (await api(instance, 'GET', `/api/flows/${id}/bpmn`)).text();
  return { id, processId: /<bpmn:process id="([^"]+)"/.exec(xml)![1]!, planeId: /<bpmndi:BPMNPlane id="([^"]+)"/.exec(xml)![1]! };
}

function addTaskBatch(flow: { processId: string; planeId: string }, n: number) {
  const id = `Task_${n}_${randomUUID().slice(0, 6)}`;
  return {
    batchId: `batch-${n}-${randomUUID()}`,
    taskId: id,
    ops: [
      { op: 'put', id, type: 'bpmn:Task', fields: { '@parent': flow.processId, '@prop': 'bpmn:flowElements', 'a:bpmn:name': `Steg ${n}` } },
      {
        op: 'put',
        id: `${id}_di`,
        type: 'bpmndi:BPMNShape',
        fields: { '@parent': flow.planeId, '@prop': 'di:planeElement', 'r:bpmndi:bpmnElement': id, 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': 100 + n * 10, 'dc:y': 120, 'dc:width': 100, 'dc:height': 80 } },
      },
    ],
  };
}

test.beforeAll(async () => {
  test.setTimeout(150_000);
  token = await createApiToken(await userId('kommun.editor@stafett.test'));
  [a, b] = await Promise.all([startInstance(DATABASE_URL!), startInstance(DATABASE_URL!)]);
});

test.afterAll(async () => {
  await Promise.all([a, b].map((i) => i && stopInstance(i)));
});

test('an edit committed through one instance reaches a client of the other within 2 s', async () => {
  const flow = await newFlow(a!);
  const batch = addTaskBatch(flow, 1);
  const seen = readEvents(`${b!.baseUrl}/api/flows/${flow.id}/events?after=1`, token, (events) => events.some((e) => e.batchId === batch.batchId), 10_000);
  // Give the stream on B a moment to be open before the commit (it would catch up anyway).
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const res = await api(a!, 'POST', `/api/flows/${flow.id}/changes`, { batchId: batch.batchId, ops: batch.ops });
  expect(res.status).toBe(200);
  const events = await seen;
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(events.find((e) => e.batchId === batch.batchId)).toMatchObject({ version: 2 });
  // And the head read from B has it.
  expect(await (await api(b!, 'GET', `/api/flows/${flow.id}/bpmn`)).text()).toContain('Steg 1');
});

test('kill -9 mid-change, three times: every acknowledged change is there once, none partial, the pending ones go in once after the restart', async () => {
  const flow = await newFlow(b!);
  const acked = new Map<string, string>(); // batchId → task id
  const all: ReturnType<typeof addTaskBatch>[] = [];
  let n = 0;
  for (let round = 0; round < 3; round++) {
    const crashing = await startInstance(DATABASE_URL!);
    const pending = Array.from({ length: 12 }, () => addTaskBatch(flow, ++n));
    all.push(...pending);
    // Send batches one after another, as an editor does, and kill the server in the middle of them.
    const sending = (async () => {
      for (const batch of pending) {
        try {
          const res = await api(crashing, 'POST', `/api/flows/${flow.id}/changes`, { batchId: batch.batchId, ops: batch.ops });
          if (res.status === 200) acked.set(batch.batchId, batch.taskId);
        } catch {
          return; // the server is gone: the rest stays pending in the client
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 150 + round * 100));
    await stopInstance(crashing, 'SIGKILL');
    await sending;
    // After the restart (here: the surviving instance) the client sends everything not acknowledged
    // again, including the one whose answer it never saw.
    for (const batch of pending.filter((p) => !acked.has(p.batchId))) {
      const res = await api(b!, 'POST', `/api/flows/${flow.id}/changes`, { batchId: batch.batchId, ops: batch.ops });
      expect(res.status, await res.clone().text()).toBe(200);
      acked.set(batch.batchId, batch.taskId);
    }
  }
  const rows = await sql<{ batchId: string; ops: unknown }>('SELECT "batchId", ops FROM "FlowChange" WHERE "flowId" = $1', [flow.id]);
  const head = await (await api(b!, 'GET', `/api/flows/${flow.id}/bpmn`)).text();
  for (const batch of all) {
    expect(rows.filter((r) => r.batchId === batch.batchId), batch.batchId).toHaveLength(1);
    // Never partial: the task and its shape came in together.
    expect(head).toContain(`<bpmn:task id="${batch.taskId}"`);
    expect(head).toContain(`bpmnElement="${batch.taskId}"`);
  }
  expect(acked.size).toBe(all.length);
});
