// npm run demo — from a fresh clone to a running Stafett with demo data:
// generate the Prisma client, create the database when missing, migrate, seed, `next build`,
// `next start` on PORT (default 3000). Stops the server cleanly on CTRL-C or SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { redactUrl } from '../lib/db/databases';
import { migrate } from '../lib/db/migrate';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

try {
  process.loadEnvFile();
} catch {
  // no .env file: the environment and the defaults below decide
}

function prepareEnv(): NodeJS.ProcessEnv {
  const port = process.env.PORT ?? '3000';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett',
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
  };
  if (!env.NEXTAUTH_SECRET) {
    env.NEXTAUTH_SECRET = randomBytes(32).toString('hex');
    console.log('demo: NEXTAUTH_SECRET is not set; using a random one for this run (sessions end when the server stops). Set it to keep sessions across restarts.');
  }
  return env;
}

function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
  console.log(`\ndemo: ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  const env = prepareEnv();
  runStep('generating the Prisma client', 'node', ['scripts/prisma-generate.mjs'], env);
  console.log(`\ndemo: migrating ${redactUrl(env.DATABASE_URL!)}`);
  const result = await migrate({ databaseUrl: env.DATABASE_URL!, log: (m) => console.log(`demo: ${m}`) });
  console.log(`demo: database up to date (${result.applied.length} migration(s) applied via ${result.via})`);
  runStep('seeding demo data', path.join(BIN, 'tsx'), ['prisma/seed.ts'], env);
  runStep('building (next build)', path.join(BIN, 'next'), ['build'], env);

  console.log(`\ndemo: Stafett at ${env.NEXTAUTH_URL} — sign in as kommun.admin@stafett.test / stafett-demo (see README)`);
  // Started directly (not through npx) so that stopping it stops next-server too.
  const server = spawn(path.join(BIN, 'next'), ['start', '-p', env.PORT!], { cwd: ROOT, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
