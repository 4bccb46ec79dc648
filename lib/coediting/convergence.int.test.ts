// Randomised convergence of live co-editing, modelled on tldraw's sync fuzz and Yjs's random tests:
// 2–5 editors of both organisations, spread over two "app instances" (each its own LISTEN connection
// and its own event streams), run a random programme of edits through the real commit path on real
// PostgreSQL while faults are injected: a dropped event stream, a lost notification, a lost answer then
// a retry, a duplicated request, a killed listener backend. Afterwards every editor must show the
// head, every acknowledged batch must be in the log exactly once, every refused one must have been
// reported to its author, no committed change may touch a pool its author may not edit, and the head
// must round-trip through bpmn-moddle. A failing run prints its seed; pinned seeds run first.
//
// FUZZ_RUNS (default 200) and FUZZ_OPS (default 200) set the size; FUZZ_SEED reruns one seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { definitionsOf, recordStateOf, xmlOfState } from '@/lib/bpmn/records';
import { db, pooledSql } from '@/lib/db/client';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml } from '@/lib/db/flows/flow-test-data';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { readHeadState } from '@/lib/db/flows/flow-head';
import { readProjection } from '@/lib/db/flows/project-responsibilities';
import { projectionRowsOf, responsibilityKey, type ProjectionRows } from '@/lib/db/flows/projection-rows';
import { listChangesAfter } from '@/lib/db/flows/list-changes';
import { applyOps, diffStates, recordsOf, type RecordState } from '@/lib/domain/records/record-state';
import { checkRights } from '@/lib/domain/records/rights';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';
import { initialSync, reduceSync, viewOf, type RemoteChange, type SyncState } from '@/lib/domain/records/sync-engine';
import type { Op } from '@/lib/domain/records/types';
import { isAppError } from '@/lib/errors';
import { flowEventStream } from '@/lib/realtime/event-stream';
import { FlowListener } from '@/lib/realtime/listener';
import { commitBatch } from './commit-batch';
import { scopeOf } from './flow-scope';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const OPS = Number(process.env.FUZZ_OPS ?? 200);
/**
 * Cases that once failed, as fast-check reported them (seed and path): they run first, every time.
 * 862113082/33: a shape put at x = 0 came back without x (0 is dc:Bounds's default).
 */
const PINNED_CASES: { seed: number; path: string }[] = [{ seed: 862113082, path: '33' }];

type Step = { client: number; kind: number; a: number; b: number; fault: number };

const stepArb = fc.record({
  client: fc.nat(),
  kind: fc.nat({ max: 99 }),
  a: fc.nat(),
  b: fc.nat(),
  fault: fc.nat({ max: 99 }),
});

let kommun: Awaited<ReturnType<typeof makeOrganisation>>;
let region: Awaited<ReturnType<typeof makeOrganisation>>;
let people: (Actor & { name: string })[];
let instances: FlowListener[];

beforeAll(async () => {
  kommun = await makeOrganisation();
  region = await makeOrganisation();
  people = [
    await makeUser({ [kommun.id]: 'EDITOR' }),
    await makeUser({ [region.id]: 'EDITOR' }),
    await makeUser({ [kommun.id]: 'ADMIN' }),
    await makeUser({ [region.id]: 'EDITOR' }),
    await makeUser({ [kommun.id]: 'EDITOR', [region.id]: 'VIEWER' }),
  ];
  instances = [new FlowListener(), new FlowListener()];
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
});

/** One open editor: the real sync reducer, fed by a real event stream of one instance. */
class Client {
  state: SyncState;
  acked = new Map<string, number>();
  rejected = new Set<string>();
  private sending = false;
  private stream: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private abort: AbortController | null = null;
  private buffer = '';
  private lastEventId: number;
  private dropNext = false;
  private reading: Promise<void> | null = null;

  constructor(
    readonly actor: Actor,
    readonly flowId: string,
    readonly listener: FlowListener,
    start: RecordState,
    version: number,
  ) {
    this.state = initialSync(start, version);
    this.lastEventId = version;
  }

  open(): void {
    this.abort = new AbortController();
    this.stream = flowEventStream({ flowId: this.flowId, after: this.lastEventId, signal: this.abort.signal, listener: this.listener }).getReader();
    const reader = this.stream;
    this.reading = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done || !value) return;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          const frame = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          this.onFrame(frame);
        }
      }
    })();
  }

  /** Fault: the stream drops; the client reconnects with Last-Event-ID, as EventSource does. */
  async reconnect(): Promise<void> {
    this.abort?.abort();
    await this.stream?.cancel().catch(() => undefined);
    await this.reading;
    this.buffer = '';
    this.open();
  }

  /** Fault: the next notification never arrives (the event is lost on the way). */
  loseNextEvent(): void {
    this.dropNext = true;
  }

  private onFrame(frame: string): void {
    const lines = frame.split('\n');
    const id = lines.find((l) => l.startsWith('id: '))?.slice(4);
    const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
    const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
    if (!data || event === 'presence') return;
    if (event === 'reset') throw new Error('a reset should not be needed in this test');
    if (this.dropNext) {
      this.dropNext = false;
      return;
    }
    if (id) this.lastEventId = Number(id);
    const out = reduceSync(this.state, { type: 'remote', change: JSON.parse(data) as RemoteChange });
    this.state = out.state;
  }

  /** What a screen that noticed a gap does: read the changes after what it has. */
  async catchUp(): Promise<void> {
    const head = (await db.flow.findUniqueOrThrow({ where: { id: this.flowId }, select: { headVersion: true } })).headVersion;
    const result = await listChangesAfter(this.flowId, this.state.confirmedVersion, head);
    if ('reset' in result) throw new Error('catch-up asked for a reset');
    for (const change of result.changes) this.state = reduceSync(this.state, { type: 'remote', change }).state;
    this.state = { ...this.state, needsCatchUp: false };
  }

  edit(ops: Op[]): void {
    if (ops.length) this.state = reduceSync(this.state, { type: 'local', batch: { batchId: crypto.randomUUID(), ops } }).state;
  }

  /** Sends the pending batches one at a time, as the editor does, with the faults a network adds. */
  async pump(fault: number): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let next = this.nextBatch(); next; next = this.nextBatch()) {
        await this.sendOne(next, fault);
        fault = 50;
      }
    } finally {
      this.sending = false;
    }
  }

  private nextBatch() {
    return this.state.pending.find((b) => b.committedAs === undefined && !this.rejected.has(b.batchId));
  }

  private async sendOne(next: SyncState['pending'][number], fault: number): Promise<void> {
    try {
      const flow = await getFlowForActor(this.actor, this.flowId, 'flow.edit');
      const send = () => commitBatch(this.actor, flow, { batchId: next.batchId, ops: next.ops });
      let result;
      if (fault < 5) {
        // The answer is lost: the client cannot know, and sends the same batch again.
        await send().catch(() => undefined);
        result = await send();
      } else if (fault < 10) {
        // The same request arrives twice at once.
        const [one, two] = await Promise.allSettled([send(), send()]);
        if (one.status === 'fulfilled' && two.status === 'fulfilled') expect(one.value.version).toBe(two.value.version);
        result = one.status === 'fulfilled' ? one.value : two.status === 'fulfilled' ? two.value : await send();
      } else result = await send();
      this.acked.set(next.batchId, result.version);
      this.state = reduceSync(this.state, { type: 'acked', batchId: next.batchId, version: result.version }).state;
    } catch (e) {
      // A refusal is fine when the edit broke a pool right (403) or met a concurrent change (409);
      // an edit a real editor makes must never be refused as invalid.
      if (!isAppError(e) || !['FORBIDDEN', 'CONFLICT'].includes(e.code)) throw e;
      this.rejected.add(next.batchId);
      this.state = reduceSync(this.state, { type: 'rejected', batchId: next.batchId }).state;
    }
  }

  async close(): Promise<void> {
    this.abort?.abort();
    await this.stream?.cancel().catch(() => undefined);
    await this.reading;
  }
}

/** An edit as bpmn-js would make it, chosen from what this client sees; sometimes one it may not make. */
function editFor(view: RecordState, actor: Actor, ownerId: string, step: Step): Op[] {
  const rights = poolRightsOf(actor, { ownerOrganisationId: ownerId, participantOrganisationIds: [kommun.id, region.id] });
  const processes = [...view.byId.values()].filter((r) => r.type === 'bpmn:Process');
  const orgOfProcess = (processId: string) =>
    [...view.byId.values()].find((r) => r.type === 'bpmn:Participant' && r.fields['r:bpmn:processRef'] === processId)?.fields['a:stafett:organisationId'];
  const honest = step.fault >= 8; // a few edits ignore the client's own rights, to prove the server refuses them
  const mine = processes.filter((p) => !honest || rights.editableOrganisationIds.has(String(orgOfProcess(p.id))));
  const tasks = [...view.byId.values()].filter((r) => r.type === 'bpmn:Task' && mine.some((p) => p.id === r.fields['@parent']));
  const pick = <T,>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const task = pick(tasks, step.a);
  const shapeOf = (id: string) => [...view.byId.values()].find((r) => r.fields['r:bpmndi:bpmnElement'] === id);
  const plane = [...view.byId.values()].find((r) => r.type === 'bpmndi:BPMNPlane')!;
  // As the editor sends them: moddle's normal form leaves out values equal to their default (x = 0).
  const bounds = (x: number, y: number) => ({ $type: 'dc:Bounds', 'dc:x': x, 'dc:y': y, 'dc:width': 100, 'dc:height': 80 });
  const kind = step.kind;
  if (kind < 30 && task) return [{ op: 'patch', id: task.id, fields: { 'a:bpmn:name': `Namn ${step.b % 7}` } }];
  if (kind < 50 && task) {
    const shape = shapeOf(task.id);
    return shape ? [{ op: 'patch', id: shape.id, fields: { 'b:di:bounds': bounds(101 + (step.b % 500), 101 + (step.b % 300)) } }] : [];
  }
  if (kind < 70) {
    const process = pick(mine, step.b);
    if (!process) return [];
    const id = `T_${crypto.randomUUID().slice(0, 8)}`;
    return [
      { op: 'put', id, type: 'bpmn:Task', fields: { '@parent': process.id, '@prop': 'bpmn:flowElements', 'a:bpmn:name': 'Ny' } },
      { op: 'put', id: `${id}_di`, type: 'bpmndi:BPMNShape', fields: { '@parent': plane.id, '@prop': 'di:planeElement', 'r:bpmndi:bpmnElement': id, 'b:di:bounds': bounds(1 + (step.a % 600), 50) } },
    ];
  }
  if (kind < 82 && task && tasks.length > 1) {
    // Remove a step with everything that hangs on it, as bpmn-js does in one command.
    const hanging = [...view.byId.values()].filter((r) => r.fields['r:bpmn:sourceRef'] === task.id || r.fields['r:bpmn:targetRef'] === task.id);
    const ids = [task.id, ...hanging.map((h) => h.id)];
    const shapes = ids.map(shapeOf).filter((s): s is NonNullable<typeof s> => Boolean(s));
    return [...shapes, ...hanging.map((h) => view.byId.get(h.id)!), view.byId.get(task.id)!].map((r) => ({ op: 'remove', id: r.id }) as Op);
  }
  if (kind < 92 && task) {
    const other = pick(tasks.filter((t) => t.id !== task.id && t.fields['@parent'] === task.fields['@parent']), step.b);
    if (!other) return [];
    const id = `F_${crypto.randomUUID().slice(0, 8)}`;
    return [
      { op: 'put', id, type: 'bpmn:SequenceFlow', fields: { '@parent': String(task.fields['@parent']), '@prop': 'bpmn:flowElements', 'r:bpmn:sourceRef': task.id, 'r:bpmn:targetRef': other.id } },
    ];
  }
  const message = pick([...view.byId.values()].filter((r) => r.type === 'bpmn:MessageFlow'), step.a);
  return message ? [{ op: 'patch', id: message.id, fields: { 'a:bpmn:name': `Överlämning ${step.b % 5}` } }] : [];
}

async function runProgramme(clientCount: number, steps: Step[]): Promise<void> {
  const owner = people[0]!;
  const { id: flowId } = await createFlowFromBpmn(owner, twoPoolXml({ orgA: kommun.id, orgB: region.id }));
  const flow = await getFlowForActor(owner, flowId, 'flow.view');
  const start = await readHeadState(flowId, flow.headVersion);
  const clients = Array.from({ length: clientCount }, (_, i) => new Client(people[i % people.length]!, flowId, instances[i % 2]!, start, flow.headVersion));
  clients.forEach((c) => c.open());
  try {
    const inFlight: Promise<void>[] = [];
    for (const step of steps) {
      const client = clients[step.client % clients.length]!;
      if (client.state.needsCatchUp) await client.catchUp();
      client.edit(editFor(viewOf(client.state), client.actor, kommun.id, step));
      if (step.fault === 97) await client.reconnect();
      if (step.fault === 98) client.loseNextEvent();
      if (step.fault === 99) await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'stafett-listener' AND datname = current_database()`;
      inFlight.push(client.pump(step.fault));
      // Let several commits overlap, as editors on different screens do.
      if (inFlight.length >= 3) await inFlight.shift();
    }
    await Promise.all(inFlight);
    // Quiescence: everything pending goes out, then every screen catches up with the head.
    for (let round = 0; clients.some((c) => c.state.pending.some((b) => b.committedAs === undefined)); round++) {
      if (round > 5) {
        const stuck = clients.map((c) => c.state.pending.map((b) => ({ ops: b.ops, sending: c.state.sending })));
        throw new Error(`pending batches never went out: ${JSON.stringify(stuck).slice(0, 2000)}`);
      }
      await Promise.all(clients.map((c) => c.pump(50)));
    }
    const head = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { headVersion: true } });
    for (const c of clients) {
      await c.catchUp();
      expect(c.state.confirmedVersion).toBe(head.headVersion);
    }
    const headState = await readHeadState(flowId, head.headVersion);
    for (const c of clients) {
      expect(c.state.pending).toEqual([]);
      expect(diffStates(viewOf(c.state), headState)).toEqual([]);
    }
    // The log: every acknowledged batch once, no refused one, and only changes their authors could make.
    const log = await db.flowChange.findMany({ where: { flowId }, orderBy: { version: 'asc' }, select: { version: true, batchId: true, authorId: true, ops: true } });
    const batchIds = log.map((c) => c.batchId);
    expect(new Set(batchIds).size).toBe(batchIds.length);
    // Most honest edits stand: a programme that commits almost nothing proves nothing.
    expect(log.length).toBeGreaterThan(steps.length / 4);
    for (const c of clients) {
      for (const [batchId, version] of c.acked) expect(log.find((l) => l.batchId === batchId)?.version).toBe(version);
      for (const batchId of c.rejected) expect(batchIds).not.toContain(batchId);
    }
    let state = start;
    for (const change of log) {
      const ops = change.ops as unknown as Op[];
      const after = applyOps(state, ops);
      const author = people.find((p) => p.userId === change.authorId)!;
      expect(checkRights(state, after, ops, poolRightsOf(author, scopeOf(flow)))).toBeNull();
      state = after;
    }
    expect(recordsOf(state)).toEqual(recordsOf(headState));
    // The responsibility tables hold the head's full projection, whichever shortcut each commit took
    // (a rename's rows, a move that kept the order).
    expect(tablesOf(await readProjection(pooledSql, flowId))).toEqual(tablesOf(projectionRowsOf(projectResponsibility(definitionsOf(headState)))));
    const { definitions } = await parseBpmn(await xmlOfState(headState), 'strict');
    const roundTrip = diffStates(headState, recordStateOf(definitions));
    expect(roundTrip).toEqual([]);
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/** The rows as the tables key them (rows of one position come back in any order). */
function tablesOf(rows: ProjectionRows) {
  return {
    activities: rows.activities,
    handovers: rows.handovers,
    responsibilities: [...rows.responsibilities].sort((a, b) => responsibilityKey(a).localeCompare(responsibilityKey(b))),
  };
}

describe('live co-editing converges', () => {
  it(`${RUNS} random programmes of ${OPS} edits by 2–5 editors over two instances, with faults`, async () => {
    const property = fc.asyncProperty(fc.integer({ min: 2, max: 5 }), fc.array(stepArb, { minLength: OPS, maxLength: OPS }), (clientCount, steps) =>
      runProgramme(clientCount, steps),
    );
    if (!process.env.FUZZ_SEED) {
      for (const pinned of PINNED_CASES) await fc.assert(property, { ...pinned, numRuns: 1, endOnFailure: true });
    }
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
    console.log(`convergence: seed ${seed} (rerun with FUZZ_SEED=${seed})`);
    await fc.assert(property, { numRuns: RUNS, seed, endOnFailure: true });
  }, 3_600_000);
});
