import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, redactUrl } from './databases';

// Applies prisma/migrations/*/migration.sql. Where Prisma's schema engine can run, `prisma migrate
// deploy` does it; where it cannot (no download possible), this file applies the same files and keeps
// Prisma's own bookkeeping table exactly as Prisma does, so either path leaves the same database and
// a later `prisma migrate deploy` sees every migration as applied.

/** Prisma's advisory lock key for migrations ("prisma" in ASCII-ish), so our runner and Prisma exclude each other. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { via: 'prisma' | 'runner'; applied: string[]; databaseCreated: boolean };
export type MigrateOptions = {
  databaseUrl: string;
  migrationsDir?: string;
  /** 'auto' uses Prisma when its schema engine is present; 'runner' forces our own applier. */
  engine?: 'auto' | 'prisma' | 'runner';
  log?: (message: string) => void;
};

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

// The DDL Prisma's schema engine uses for PostgreSQL (schema-engine/connectors/sql-schema-connector).
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Migration folders in name order (Prisma names them <timestamp>_<name>, so name order is time order). */
export function listMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((entry) => statSync(path.join(dir, entry)).isDirectory())
    .filter((entry) => existsSync(path.join(dir, entry, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

function isSchemaEngine(file: string): boolean {
  const run = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return run.status === 0 && /schema-engine/i.test(run.stdout);
}

/**
 * Where the Prisma CLI would find a runnable schema engine: PRISMA_SCHEMA_ENGINE_BINARY, else a
 * `schema-engine-<binaryTarget>` file in @prisma/engines, prisma/ or node_modules/ (the CLI's own search
 * order). A placeholder (scripts/prisma-generate.mjs points the variable at package.json) is not one.
 */
export function findSchemaEngine(root = ROOT): string | null {
  const fromEnv = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (fromEnv) {
    const resolved = path.resolve(root, fromEnv);
    if (existsSync(resolved) && isSchemaEngine(resolved)) return resolved;
  }
  const dirs = ['node_modules/@prisma/engines', 'node_modules/prisma', 'node_modules', 'node_modules/prisma/runtime'];
  for (const dir of dirs.map((d) => path.join(root, d))) {
    if (!existsSync(dir)) continue;
    const candidates = readdirSync(dir).filter((f) => /^schema-engine-[\w.-]+$/.test(f) && !/\.(gz|sha256|sig)$/.test(f));
    for (const file of candidates) {
      if (isSchemaEngine(path.join(dir, file))) return path.join(dir, file);
    }
  }
  return null;
}

function runPrismaDeploy(databaseUrl: string, engine: string | null): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  if (engine) env.PRISMA_SCHEMA_ENGINE_BINARY = engine;
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${run.status ?? run.signal})`);
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function applyPending(client: pg.Client, migrations: Migration[], log: (m: string) => void): Promise<string[]> {
  await client.query(CREATE_BOOKKEEPING);
  const rows = (await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at')).rows;
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.filter((r) => r.finished_at === null);
  if (failed.length) {
    // Same stance as Prisma (P3009): a half-applied migration needs a person, not a retry.
    throw new Error(`Migration ${failed.map((r) => r.migration_name).join(', ')} failed earlier and is not finished; fix the database, then mark it with \`prisma migrate resolve\``);
  }
  const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
  for (const m of migrations) {
    const known = applied.get(m.name);
    if (known !== undefined && known !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied (checksum ${known.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). Never edit an applied migration: add a new one.`);
    }
  }
  const local = new Set(migrations.map((m) => m.name));
  for (const name of applied.keys()) if (!local.has(name)) log(`warning: ${name} is applied in the database but missing from prisma/migrations`);

  const done: string[] = [];
  for (const m of migrations.filter((x) => !applied.has(x.name))) {
    // One transaction per migration: a failing file leaves neither its changes nor a bookkeeping row,
    // so it can simply be fixed and run again. (Prisma does not wrap files; PostgreSQL DDL is transactional.)
    await client.query('BEGIN');
    try {
      const id = randomUUID();
      await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)', [id, m.checksum, m.name]);
      await client.query(m.sql);
      await client.query('UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
    }
    log(`applied ${m.name}`);
    done.push(m.name);
  }
  return done;
}

async function appliedNames(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    if (!exists.rows[0]?.t) return new Set();
    const rows = await client.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    return new Set(rows.rows.map((r) => r.migration_name));
  } finally {
    await client.end();
  }
}

/** Creates the database when missing, then applies every pending migration. */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = listMigrations(options.migrationsDir);
  const databaseCreated = await ensureDatabase(options.databaseUrl);
  if (databaseCreated) log(`created database ${redactUrl(options.databaseUrl)}`);

  const mode = options.engine ?? 'auto';
  const engine = mode === 'runner' ? null : findSchemaEngine();
  if (mode === 'prisma' || engine) {
    const before = await appliedNames(options.databaseUrl);
    runPrismaDeploy(options.databaseUrl, engine);
    const after = await appliedNames(options.databaseUrl);
    return { via: 'prisma', applied: [...after].filter((n) => !before.has(n)).sort(), databaseCreated };
  }

  const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    const applied = await applyPending(client, migrations, log);
    return { via: 'runner', applied, databaseCreated };
  } finally {
    // Ending the session releases the lock too; unlocking first keeps the intent visible.
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
