import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../scripts/free-port';
import { changeEvents } from '../scripts/sse-changes';

// Our own `next start` processes over the run's database, for journeys that need several app
// instances or a server killed mid-change. `.bin/next` in its own process group, so a stop (or a
// kill -9) ends exactly that server and its next-server child (STACK-NOTES).

const ROOT = path.resolve(__dirname, '..');


export type AppInstance = { baseUrl: string; port: number; process: ChildProcess; log: () => string };

/** Every instance of one test shares the secret, as replicas behind a load balancer do. */
export const SHARED_SECRET = randomBytes(32).toString('hex');

export async function startInstance(databaseUrl: string, port?: number): Promise<AppInstance> {
  const chosen = port ?? (await freePort());
  const baseUrl = `http://localhost:${chosen}`;
  let log = '';
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(chosen)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SHARED_SECRET, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/health`, { cache: 'no-store' });
      await res.body?.cancel();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance on ${chosen} never became healthy:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, port: chosen, process: child, log: () => log };
}

/** SIGTERM (or SIGKILL: a crash) to the whole group, and wait until it is gone. */
export async function stopInstance(instance: AppInstance, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  const child = instance.process;
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** Reads an SSE stream with fetch until `until` says so; resolves with the change events seen. */
export async function readEvents(url: string, token: string, until: (events: { version: number; batchId: string }[]) => boolean, timeoutMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { version: number; batchId: string }[] = [];
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    for await (const change of changeEvents(res.body!)) {
      events.push(change);
      if (until(events)) break;
    }
  } catch (e) {
    if (!controller.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
