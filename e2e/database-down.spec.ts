import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../scripts/free-port';
import { signInThroughForm } from './auth-helpers';
import { expect, test } from './fixtures';
import { TcpProxy } from './tcp-proxy';

// Journey (issue 2): PostgreSQL goes away while a person is signed in. Health says so, the page they
// open explains it in plain Swedish (never a stack trace), and once the database is back "Försök igen"
// shows their home page again — the same server process, no restart. The run's own server cannot lose
// its database without breaking the other specs, so this spec starts its own `next start` over the
// same build, pointed at the run's database through a TCP proxy it can cut.

const ROOT = path.resolve(__dirname, '..');
const BUILT = existsSync(path.join(ROOT, '.next', 'BUILD_ID'));
// scripts/test.ts hands the run's throw-away database to Playwright (and so to its workers).
const DATABASE_URL = process.env.DATABASE_URL;

test.describe.configure({ mode: 'serial' });
test.skip(!BUILT, 'needs a production build (.next/BUILD_ID): run `npm test`, which builds before Playwright');
test.skip(!DATABASE_URL, 'needs DATABASE_URL of the run (set by `npm test`): this spec cuts that database off through a proxy');

const USER = { email: 'region.editor@stafett.test', password: 'stafett-demo' };
// What a stack trace or a leaked server detail would look like in the page text.
const LEAKS = [/\bError:/, /^\s*at .+\(.+:\d+:\d+\)/m, /node_modules/, /\/(?:tmp|work|home|app|src)\/\S+/, /\.(?:ts|tsx|js|mjs):\d+/, /ECONNREFUSED|Prisma/i];

let proxy: TcpProxy;
let server: ChildProcess | undefined;
let baseUrl = '';
let serverLog = '';


async function healthStatus(): Promise<number> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { cache: 'no-store' });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0; // not listening yet
  }
}

test.beforeAll(async () => {
  test.setTimeout(60_000); // a cold `next start` on a busy machine; the journey itself stays fast
  const db = new URL(DATABASE_URL!);
  proxy = new TcpProxy(db.hostname.replace(/^\[|\]$/g, ''), Number(db.port || 5432));
  await proxy.open();
  db.hostname = '127.0.0.1';
  db.port = String(proxy.port);

  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  // `.bin/next` itself (not npx) in its own process group, so afterAll stops exactly this server and
  // the next-server it runs (see STACK-NOTES), nothing else.
  server = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: db.toString(),
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const keep = (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000));
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  await expect
    .poll(healthStatus, { timeout: 50_000, intervals: [100, 250, 500], message: `own server never became healthy:\n${serverLog}` })
    .toBe(200);
});

test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM'); // our own group: `next` and its next-server child
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  await proxy?.close();
});

test('database down: health and pages say so, and the app recovers without a restart', async ({ page }) => {
  await test.step('sign in on our own server', async () => {
    await page.goto(`${baseUrl}/signin`);
    await signInThroughForm(page, USER.email, USER.password);
    await expect(page).toHaveURL(`${baseUrl}/`);
    await expect(page.getByRole('heading', { name: 'Delade flöden' })).toBeVisible();
  });

  await test.step('cut the database off', async () => {
    await proxy.close();
    const res = await fetch(`${baseUrl}/api/health`, { cache: 'no-store' });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', db: 'down' });
  });

  await test.step('a page explains it in plain words, without a stack trace', async () => {
    await page.goto(`${baseUrl}/`);
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert.getByRole('heading', { level: 1, name: 'Databasen svarar inte' })).toBeVisible();
    await expect(alert).toContainText('Stafett kan inte nå sin databas just nu. Ingenting av det du har sparat har försvunnit.');
    await expect(alert.getByRole('button', { name: 'Försök igen' })).toBeVisible();
    const text = await page.locator('body').innerText();
    for (const leak of LEAKS) expect(text, `page text must not match ${leak}`).not.toMatch(leak);
  });

  await test.step('the database comes back: "Försök igen" shows the home page, same server', async () => {
    const pid = server?.pid;
    await proxy.open(); // same port: the server's DATABASE_URL is unchanged
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Välkommen, / })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Delade flöden' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Databasen svarar inte' })).toHaveCount(0);
    expect(await healthStatus()).toBe(200);
    expect(server?.pid).toBe(pid);
    expect(server?.exitCode).toBeNull();
  });
});
