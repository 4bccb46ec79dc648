import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../scripts/free-port';

const ROOT = path.resolve(__dirname, '..');
const NEXT = path.join(ROOT, 'node_modules', '.bin', 'next');


/** Builds the app unless a build is there already (BENCH_BUILD=1 forces a fresh one). */
export function ensureBuild(env: NodeJS.ProcessEnv): void {
  if (existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && process.env.BENCH_BUILD !== '1') return;
  const result = spawnSync(NEXT, ['build'], { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('bench: next build failed');
}

export type AppServer = { baseUrl: string; stop: () => Promise<void> };

/** `next start` on a free port; resolves when /api/health answers (started by its own pid, see STACK-NOTES). */
export async function startApp(env: NodeJS.ProcessEnv): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(NEXT, ['start', '-p', String(port)], {
    cwd: ROOT,
    env: { ...env, NEXTAUTH_URL: baseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('bench: next start exited');
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('bench: the app did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 250)); // polling a server that is starting; not a test sync
  }
  return {
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
