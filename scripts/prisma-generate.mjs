// Runs `prisma generate`. Generation does not run Prisma's schema engine, but the CLI insists on
// finding one; where it cannot be downloaded (no internet) any existing file satisfies the check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = new URL('../package.json', import.meta.url).pathname;
}
const result = spawnSync('node_modules/.bin/prisma', ['generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
