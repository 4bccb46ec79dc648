// npm run bench — measures what users feel on a large shared flow (~300 elements, two pools) and the
// bare baselines of the same work in the same run, so ratios stay meaningful on a noisy machine.
// Writes bench/results.json. Uses a throw-away database (dropped at the end) and `next start` over the
// current build (built first when missing; BENCH_BUILD=1 forces a fresh build).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createThrowawayDatabase, DEFAULT_TEST_BASE_URL, dropThrowawayDatabase } from '../lib/db/databases';
import { migrate } from '../lib/db/migrate';
import { countDiagramElements, launchChromium, signIn, timeToFirstRender } from './browser';
import { serveBarePage } from './bare-page';
import { benchCoediting, type CoeditingResults } from './coediting';
import { benchResponsibility, type ResponsibilityResults } from './responsibility';
import { ensureBuild, startApp } from './server';
import { repeat, summarise, timed, type Sample } from './stats';

const ELEMENTS = Number(process.env.BENCH_ELEMENTS ?? 300);
const SERVER_RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 20);
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 7);
const PASSWORD = 'stafett-demo';
const COMMIT_ONLY = process.env.BENCH_COMMIT_ONLY === '1';

type Results = Record<string, Sample>;

async function nodeBaselines(xml: string, databaseUrl: string, results: Results): Promise<void> {
  const { createModdle } = await import('../lib/bpmn/moddle');
  const moddle = createModdle();
  results.baselineModdleParse = summarise(await repeat(SERVER_RUNS, () => timed(() => moddle.fromXML(xml))));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE TEMP TABLE bench_blob (id serial primary key, body text not null)');
  results.baselinePgInsert = summarise(
    await repeat(SERVER_RUNS, () => timed(() => client.query('INSERT INTO bench_blob (body) VALUES ($1)', [xml]))),
  );
  await client.end();
}

async function serverSaves(xml: string, results: Results) {
  const { db } = await import('../lib/db/client');
  const { seedDemo } = await import('../prisma/seed/seed-demo');
  const { loadActor } = await import('../lib/db/actors');
  const { createFlowFromBpmn } = await import('../lib/db/flows/create-flow-from-bpmn');
  const { saveDocument: saveRevision } = await import('../lib/coediting/save-document');
  const { parseBpmn } = await import('../lib/bpmn/parse-bpmn');
  const { generateSecret, hashSecret, API_TOKEN_PREFIX } = await import('../lib/auth/tokens');

  await seedDemo(db);
  const editor = await db.user.findUniqueOrThrow({ where: { email: 'kommun.editor@stafett.test' } });
  const actor = await loadActor(editor.id);
  const flow = await createFlowFromBpmn(actor, xml, { name: `Benchmark ${ELEMENTS} element` });

  results.parseStrict = summarise(await repeat(SERVER_RUNS, () => timed(() => parseBpmn(xml, 'strict'))));
  let version = flow.version;
  results.saveRevisionInProcess = summarise(
    await repeat(SERVER_RUNS, () => timed(async () => void (version = (await saveRevision(actor, flow.id, { xml, baseVersion: version })).version))),
  );
  const token = generateSecret(API_TOKEN_PREFIX);
  await db.apiToken.create({ data: { userId: editor.id, name: 'bench', tokenHash: hashSecret(token), prefix: token.slice(0, 8) } });
  const newFlow = async () => (await createFlowFromBpmn(actor, xml, { name: `Benchmark ${ELEMENTS} element` })).id;
  return { flowId: flow.id, token, newFlow, version: () => version, setVersion: (v: number) => void (version = v), disconnect: () => db.$disconnect() };
}

async function httpSaves(baseUrl: string, xml: string, flowId: string, token: string, startVersion: number) {
  let version = startVersion;
  const put = async () => {
    const res = await fetch(`${baseUrl}/api/flows/${flowId}/bpmn`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml', 'if-match': `"${version}"` },
      body: xml,
    });
    if (res.status !== 200) throw new Error(`bench: PUT answered ${res.status}: ${await res.text()}`);
    version = ((await res.json()) as { version: number }).version;
  };
  await put(); // warm the route (first request compiles nothing in `next start`, but loads modules)
  return summarise(await repeat(SERVER_RUNS, () => timed(put)));
}

async function browserRenders(baseUrl: string, xml: string, flowId: string, results: Results) {
  const expected = countDiagramElements(xml);
  const browser = await launchChromium();
  try {
    for (const bundle of ['bpmn-viewer', 'bpmn-modeler'] as const) {
      const bare = await serveBarePage(xml, bundle);
      const context = await browser.newContext();
      await timeToFirstRender(context, bare.url, expected); // warm-up: fill the HTTP cache
      const key = bundle === 'bpmn-viewer' ? 'baselineBareViewerFirstRender' : 'baselineBareModelerFirstRender';
      results[key] = summarise(await repeat(BROWSER_RUNS, () => timeToFirstRender(context, bare.url, expected)));
      await context.close();
      await bare.close();
    }
    for (const [key, email] of [
      ['appViewerFirstRender', 'viewer@stafett.test'],
      ['appEditorFirstRender', 'kommun.editor@stafett.test'],
    ] as const) {
      const context = await browser.newContext({ locale: 'sv-SE' });
      await signIn(context, baseUrl, email, PASSWORD);
      const url = `${baseUrl}/flows/${flowId}`;
      await timeToFirstRender(context, url, expected);
      results[key] = summarise(await repeat(BROWSER_RUNS, () => timeToFirstRender(context, url, expected)));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

function ratio(a: Sample | undefined, b: Sample | undefined): number | null {
  return a && b && b.p50 > 0 ? Math.round((a.p50 / b.p50) * 100) / 100 : null;
}

async function main() {
  const databaseUrl = await createThrowawayDatabase(process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_TEST_BASE_URL, 'bench_');
  process.env.DATABASE_URL = databaseUrl;
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString('hex'), NEXT_TELEMETRY_DISABLED: '1' };
  const results: Results = {};
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await migrate({ databaseUrl });
    const { buildLargeFlow } = await import('../lib/domain/large-flow');
    const xml = await buildLargeFlow({ elements: ELEMENTS });
    await nodeBaselines(xml, databaseUrl, results);
    const saved = await serverSaves(xml, results);
    ensureBuild(env);
    app = await startApp(env);
    // BENCH_COMMIT_ONLY=1 measures only the commits through POST …/changes and their baseline (about a
    // minute), to compare a change to the commit path before and after, back to back.
    if (!COMMIT_ONLY) results.savePutHttp = await httpSaves(app.baseUrl, xml, saved.flowId, saved.token, saved.version());
    // BENCH_SKIP_BROWSER=1 leaves out the first-render measures (Chromium), e.g. to rerun the server side alone.
    if (process.env.BENCH_SKIP_BROWSER !== '1' && !COMMIT_ONLY) await browserRenders(app.baseUrl, xml, saved.flowId, results);
    const coediting: CoeditingResults = await benchCoediting({ databaseUrl, env, first: app, token: saved.token, flowId: saved.flowId, newFlow: saved.newFlow, commitOnly: COMMIT_ONLY });
    // Last: it seeds 1,000 more flows into the same database.
    const responsibility: ResponsibilityResults | null = COMMIT_ONLY ? null : await benchResponsibility(xml);
    await saved.disconnect();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      flow: { elements: ELEMENTS, diagramElements: countDiagramElements(xml), xmlBytes: Buffer.byteLength(xml) },
      unit: 'ms',
      results,
      responsibility,
      coediting,
      ratios: {
        commitApiVsInsertNotify: ratio(coediting.commitApi, coediting.baselineInsertNotify),
        commitToEventVsNotifyRoundTrip: ratio(coediting.commitToEvent ?? undefined, coediting.baselineNotifyRoundTrip),
        saveInProcessVsModdleParse: ratio(results.saveRevisionInProcess, results.baselineModdleParse),
        savePutHttpVsInProcess: ratio(results.savePutHttp, results.saveRevisionInProcess),
        appViewerVsBareViewer: ratio(results.appViewerFirstRender, results.baselineBareViewerFirstRender),
        appEditorVsBareModeler: ratio(results.appEditorFirstRender, results.baselineBareModelerFirstRender),
      },
    };
    const file = path.join(__dirname, 'results.json');
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(JSON.stringify(report, null, 2));
    console.log(`bench: wrote ${file}`);
  } finally {
    await app?.stop();
    await dropThrowawayDatabase(databaseUrl);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
