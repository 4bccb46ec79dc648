// Live co-editing (issue 10), measured beside bare baselines of the same run:
//  - committing one element change to a ~300-element flow through POST …/changes, beside a bare
//    INSERT + NOTIFY of the same change's JSON: a rename (the responsibility rows follow from the
//    rows before it) and a move (the projection is computed again, its order may change);
//  - commit-to-event at another connected client (its own event stream, served by a second app
//    instance), beside a bare NOTIFY round trip between two connections;
//  - 50 simulated editors on 10 flows for BENCH_LOAD_SECONDS (60) across two instances: changes per
//    second, p95, and a count proving none was lost.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { changeEvents } from '../scripts/sse-changes';
import { startApp, type AppServer } from './server';
import { repeat, summarise, timed, type Sample } from './stats';

const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 20) * 5;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const WARM_UP = 50;
const EDITORS = 50;
const FLOWS = 10;

export type CoeditingResults = {
  commitApi: Sample;
  commitApiMove: Sample;
  baselineInsertNotify: Sample;
  /** Null with BENCH_COMMIT_ONLY=1, as are the load figures. */
  commitToEvent: Sample | null;
  baselineNotifyRoundTrip: Sample;
  load: null | { editors: number; flows: number; seconds: number; changes: number; changesPerSecond: number; p95: number; p50: number; lost: number; refused: number };
};

type Api = (base: string, method: string, route: string, body?: unknown) => Promise<Response>;

export async function benchCoediting(opts: {
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  first: AppServer;
  token: string;
  flowId: string;
  newFlow: () => Promise<string>;
  /** Only the commits through POST …/changes (and the baselines): no second instance, no load test. */
  commitOnly?: boolean;
}): Promise<CoeditingResults> {
  const api: Api = (base, method, route, body) =>
    fetch(`${base}${route}`, { method, headers: { authorization: `Bearer ${opts.token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const second = opts.commitOnly ? null : await startApp(opts.env);
  try {
    const target = await firstTaskOf(api, opts.first.baseUrl, opts.flowId);
    let n = 0;
    const rename = () => ({ batchId: `bench-${randomUUID()}`, ops: [{ op: 'patch', id: target, fields: { 'a:bpmn:name': `Namn ${++n}` } }] });
    const commit = async (base: string) => {
      const res = await api(base, 'POST', `/api/flows/${opts.flowId}/changes`, rename());
      if (res.status !== 200) throw new Error(`bench: commit answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { version: number }).version;
    };
    // Warm the route: the first requests after `next start` load modules and run code not yet optimised.
    for (let i = 0; i < WARM_UP; i++) await commit(opts.first.baseUrl);
    const commitApi = summarise(await repeat(RUNS, () => timed(() => commit(opts.first.baseUrl))));
    let x = 0;
    const move = async () => {
      const bounds = { $type: 'dc:Bounds', 'dc:x': 400 + (++x % 7), 'dc:y': 150, 'dc:width': 100, 'dc:height': 80 };
      const body = { batchId: `bench-${randomUUID()}`, ops: [{ op: 'patch', id: `${target}_di`, fields: { 'b:di:bounds': bounds } }] };
      const res = await api(opts.first.baseUrl, 'POST', `/api/flows/${opts.flowId}/changes`, body);
      if (res.status !== 200) throw new Error(`bench: move answered ${res.status}: ${await res.text()}`);
    };
    for (let i = 0; i < WARM_UP; i++) await move(); // and the move's path
    const commitApiMove = summarise(await repeat(RUNS, () => timed(move)));
    const { insertNotify, notifyRoundTrip } = await pgBaselines(opts.databaseUrl, JSON.stringify(rename()));
    if (!second) return { commitApi, commitApiMove, baselineInsertNotify: insertNotify, commitToEvent: null, baselineNotifyRoundTrip: notifyRoundTrip, load: null };

    // Commit through the first instance; the event arrives at a stream served by the second.
    const stream = await openStream(`${second.baseUrl}/api/flows/${opts.flowId}/events`, opts.token);
    const samples: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const version = await commit(opts.first.baseUrl);
        await stream.waitFor(version);
        samples.push(performance.now() - started);
      }
    } finally {
      stream.close();
    }
    const commitToEvent = summarise(samples);

    const load = await loadTest(api, [opts.first, second], opts.newFlow, opts.databaseUrl);
    return { commitApi, commitApiMove, baselineInsertNotify: insertNotify, commitToEvent, baselineNotifyRoundTrip: notifyRoundTrip, load };
  } finally {
    await second?.stop();
  }
}

async function firstTaskOf(api: Api, base: string, flowId: string): Promise<string> {
  const xml = await (await api(base, 'GET', `/api/flows/${flowId}/bpmn`)).text();
  const id = /<bpmn:task id="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error('bench: the flow has no task');
  return id;
}

async function pgBaselines(databaseUrl: string, payload: string): Promise<{ insertNotify: Sample; notifyRoundTrip: Sample }> {
  const writer = new pg.Client({ connectionString: databaseUrl });
  const listener = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([writer.connect(), listener.connect()]);
  try {
    await writer.query('CREATE TEMP TABLE bench_change (id serial primary key, ops jsonb not null)');
    const insertNotify = summarise(
      await repeat(RUNS, () =>
        timed(async () => {
          await writer.query('BEGIN');
          await writer.query('INSERT INTO bench_change (ops) VALUES ($1::jsonb)', [payload]);
          await writer.query(`SELECT pg_notify('bench', 'x')`);
          await writer.query('COMMIT');
        }),
      ),
    );
    await listener.query('LISTEN bench_rt');
    let waiting: (() => void) | null = null;
    listener.on('notification', () => waiting?.());
    const notifyRoundTrip = summarise(
      await repeat(RUNS, () =>
        timed(async () => {
          const arrived = new Promise<void>((resolve) => (waiting = resolve));
          await writer.query(`SELECT pg_notify('bench_rt', 'x')`);
          await arrived;
        }),
      ),
    );
    return { insertNotify, notifyRoundTrip };
  } finally {
    await Promise.all([writer.end(), listener.end()]);
  }
}

type Stream = { waitFor(version: number): Promise<void>; close(): void; seen: Set<string> };

/** An event stream read with fetch, as a browser's EventSource would. */
async function openStream(url: string, token: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  let latest = 0;
  const seen = new Set<string>();
  const waiters: { version: number; resolve: () => void }[] = [];
  void (async () => {
    try {
      for await (const change of changeEvents(res.body!)) {
        latest = Math.max(latest, change.version);
        seen.add(change.batchId);
        for (const w of waiters.splice(0)) (w.version <= latest ? w.resolve : () => waiters.push(w))();
      }
    } catch {
      // closed
    }
  })();
  return {
    seen,
    waitFor: (version) => (version <= latest ? Promise.resolve() : new Promise((resolve) => waiters.push({ version, resolve }))),
    close: () => controller.abort(),
  };
}

/** 50 editors on 10 flows, half on each instance, each committing as fast as its answers come. */
async function loadTest(api: Api, instances: AppServer[], newFlow: () => Promise<string>, databaseUrl: string): Promise<CoeditingResults['load']> {
  const flows = await Promise.all(Array.from({ length: FLOWS }, () => newFlow()));
  const targets = await Promise.all(flows.map((f) => firstTaskOf(api, instances[0]!.baseUrl, f)));
  const latencies: number[] = [];
  const acked: { flowId: string; batchId: string }[] = [];
  let refused = 0;
  const stopAt = Date.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: EDITORS }, async (_, e) => {
      const flowIndex = e % FLOWS;
      const base = instances[e % instances.length]!.baseUrl;
      let k = 0;
      while (Date.now() < stopAt) {
        const batchId = `load-${e}-${++k}-${randomUUID()}`;
        const started = performance.now();
        const res = await api(base, 'POST', `/api/flows/${flows[flowIndex]}/changes`, {
          batchId,
          ops: [{ op: 'patch', id: targets[flowIndex], fields: { 'a:bpmn:name': `Redaktör ${e} ändring ${k}` } }],
        });
        latencies.push(performance.now() - started);
        if (res.status === 200) acked.push({ flowId: flows[flowIndex]!, batchId });
        else refused++;
        await res.body?.cancel();
      }
    }),
  );
  // Proof that none was lost: every acknowledged batch is in the log, exactly once.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ batchId: string }>('SELECT "batchId" FROM "FlowChange" WHERE "flowId" = ANY($1)', [flows]);
  await client.end();
  const logged = new Map<string, number>();
  for (const r of rows) logged.set(r.batchId, (logged.get(r.batchId) ?? 0) + 1);
  const lost = acked.filter((a) => logged.get(a.batchId) !== 1).length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return {
    editors: EDITORS,
    flows: FLOWS,
    seconds: LOAD_SECONDS,
    changes: acked.length,
    changesPerSecond: Math.round((acked.length / LOAD_SECONDS) * 10) / 10,
    p50: at(0.5),
    p95: at(0.95),
    lost,
    refused,
  };
}
