// npm test — every test against a throw-away database: type check, Vitest (unit + integration),
// `next build`, Playwright e2e in Chromium. The database is dropped at the end whatever happens
// (failure, CTRL-C, SIGTERM). The last line is `Tests: N passed, N failed` for CI to read.
// Run as `node --import tsx` (package.json), not through the tsx CLI: the CLI relays SIGTERM with a
// 30 ms grace and then SIGKILLs, which would skip the drop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_TEST_BASE_URL, createThrowawayDatabase, dropThrowawayDatabase, redactUrl } from '../lib/db/databases';
import { migrate } from '../lib/db/migrate';
import { freePort } from './free-port';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

type ExtraEnv = Record<string, string | undefined>;
type Step = { name: string; ok: boolean; seconds: number; passed: number; failed: number };
const steps: Step[] = [];
let current: ChildProcess | null = null;
let interrupted = false;

function run(command: string, args: string[], env: ExtraEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    current = child;
    child.on('error', (error) => {
      console.error(`test: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function step(name: string, fn: () => Promise<Omit<Step, 'name' | 'seconds'>>): Promise<boolean> {
  if (interrupted) return false;
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = await fn().catch((error: unknown): Omit<Step, 'name' | 'seconds'> => {
    console.error(`test: ${name} failed: ${(error as Error).message}`);
    return { ok: false, passed: 0, failed: 0 };
  });
  steps.push({ name, seconds: (Date.now() - started) / 1000, ...result });
  return result.ok;
}

/** A tool that ran no tests (or crashed before its report) counts as one failure, never as a pass. */
async function tool(command: string, args: string[], env?: ExtraEnv) {
  const ok = (await run(command, args, env)) === 0;
  return { ok, passed: 0, failed: ok ? 0 : 1 };
}

function readJson<T>(file: string): T | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
  } catch {
    return null;
  }
}


/** The randomised convergence test runs on its own after the others: ~14 min of commits on 2 cores. */
const CONVERGENCE_TEST = 'lib/coediting/convergence.int.test.ts';

async function vitest(reports: string, only?: string) {
  const file = path.join(reports, only ? 'vitest-convergence.json' : 'vitest.json');
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...(only ? [only] : ['--exclude', CONVERGENCE_TEST])];
  const code = await run(path.join(BIN, 'vitest'), args);
  type FileResult = { status: string; assertionResults: unknown[] };
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number; testResults: FileResult[] }>(file);
  if (!report) return { ok: false, passed: 0, failed: 1 };
  // A file that fails to load hides all its tests: count it as one failure rather than none.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const failed = report.numFailedTests + brokenFiles + (code !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  return { ok: code === 0 && report.numTotalTests > 0, passed: report.numPassedTests, failed };
}

async function playwright(reports: string, databaseUrl: string) {
  const file = path.join(reports, 'playwright.json');
  const port = await freePort();
  const env: ExtraEnv = {
    E2E_PORT: String(port),
    E2E_JSON_REPORT: file,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    E2E_BASE_URL: undefined, // this run always starts its own server over its own database
  };
  const code = await run(path.join(BIN, 'playwright'), ['test'], env);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  if (!report) return { ok: false, passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = report.stats;
  const failed = unexpected + (code !== 0 && unexpected === 0 ? 1 : 0);
  return { ok: code === 0 && expected + flaky > 0, passed: expected + flaky, failed };
}

async function main(): Promise<number> {
  const reports = mkdtempSync(path.join(tmpdir(), 'stafett-test-'));
  const baseUrl = process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_TEST_BASE_URL;
  let databaseUrl: string | null = null;
  try {
    await step('prisma generate', () => tool('node', ['scripts/prisma-generate.mjs']));
    const dbReady = await step('throw-away database: create, migrate, seed', async () => {
      databaseUrl = await createThrowawayDatabase(baseUrl, 'e2e_');
      console.log(`test: ${redactUrl(databaseUrl)}`);
      await migrate({ databaseUrl, log: (m) => console.log(`test: ${m}`) });
      return tool(path.join(BIN, 'tsx'), ['prisma/seed.ts'], { DATABASE_URL: databaseUrl });
    });
    await step('type check (tsc --noEmit)', () => tool(path.join(BIN, 'tsc'), ['--noEmit']));
    await step('vitest (unit + integration)', () => vitest(reports));
    await step('vitest (randomised convergence of live co-editing)', () => vitest(reports, CONVERGENCE_TEST));
    const built = await step('next build', () => tool(path.join(BIN, 'next'), ['build'], { DATABASE_URL: databaseUrl ?? undefined }));
    if (built && dbReady && databaseUrl) await step('playwright (e2e, Chromium)', () => playwright(reports, databaseUrl!));
    else if (!interrupted) steps.push({ name: 'playwright (skipped: no build or no database)', ok: false, seconds: 0, passed: 0, failed: 1 });
  } finally {
    if (databaseUrl) {
      await dropThrowawayDatabase(databaseUrl).catch((e: unknown) => console.error(`test: could not drop ${redactUrl(databaseUrl!)}: ${(e as Error).message}`));
    }
    rmSync(reports, { recursive: true, force: true });
  }
  return summarise();
}

function summarise(): number {
  console.log('\n=== summary');
  for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds.toFixed(1)} s)`);
  if (interrupted) console.log('FAIL interrupted');
  const passed = steps.reduce((n, s) => n + s.passed, 0);
  const failed = steps.reduce((n, s) => n + s.failed, 0) + (interrupted ? 1 : 0);
  console.log(`Tests: ${passed} passed, ${failed} failed`);
  return !interrupted && steps.every((s) => s.ok) ? 0 : 1;
}

// CTRL-C reaches the children through the terminal's process group; SIGTERM may not, so forward it.
// Either way wait for the child to finish, then drop the database and report.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill(signal);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
