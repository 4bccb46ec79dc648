// npm run db:migrate — create the database when missing, then apply pending migrations.
// DATABASE_URL defaults like the app's (lib/env.ts); MIGRATE_ENGINE=runner|prisma|auto picks the applier;
// MIGRATIONS_DIR is for the Docker image, where this script runs bundled, away from the source tree.
import { redactUrl } from '../lib/db/databases';
import { migrate } from '../lib/db/migrate';

try {
  process.loadEnvFile();
} catch {
  // no .env file: the environment decides
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett';
  const engine = (process.env.MIGRATE_ENGINE ?? 'auto') as 'auto' | 'prisma' | 'runner';
  if (!['auto', 'prisma', 'runner'].includes(engine)) throw new Error(`MIGRATE_ENGINE must be auto, prisma or runner, not "${engine}"`);
  const migrationsDir = process.env.MIGRATIONS_DIR;
  const result = await migrate({ databaseUrl, engine, migrationsDir, log: (m) => console.log(`db:migrate: ${m}`) });
  const what = result.applied.length ? `${result.applied.length} migration(s) applied` : 'nothing to apply';
  console.log(`db:migrate: ${redactUrl(databaseUrl)} is up to date (${what}, via ${result.via})`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exit(1);
});
