import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_BASE_URL, dropThrowawayDatabase, withDatabase } from './databases';
import { checksumOf, listMigrations, migrate } from './migrate';
import { randomBytes } from 'node:crypto';

// Each test gets its own database name (not yet created: migrate must create it) and its own
// migrations folder, so these tests run in parallel with everything else.
const baseUrl = process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_TEST_BASE_URL;
const created: string[] = [];

function freshDatabaseUrl(): string {
  const url = withDatabase(baseUrl, `stafett_test_mig_${randomBytes(5).toString('hex')}`);
  created.push(url);
  return url;
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stafett-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const url of created) await dropThrowawayDatabase(url);
});

describe('migrate (own runner)', () => {
  it('creates the database, applies migrations in name order and books them like Prisma', async () => {
    const url = freshDatabaseUrl();
    const dir = migrationsDir({
      '20260101000000_b': 'CREATE TABLE b (id int REFERENCES a(id));',
      '20250101000000_a': 'CREATE TABLE a (id int PRIMARY KEY);',
    });
    const result = await migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' });
    expect(result).toEqual({ via: 'runner', applied: ['20250101000000_a', '20260101000000_b'], databaseCreated: true });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20250101000000_a', '20260101000000_b']);
    expect(rows[0]?.checksum).toBe(checksumOf('CREATE TABLE a (id int PRIMARY KEY);'));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('applies nothing the second time and only the new file when one is added', async () => {
    const url = freshDatabaseUrl();
    const files: Record<string, string> = { '1_a': 'CREATE TABLE a (id int);' };
    const dir = migrationsDir(files);
    await migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' });
    const again = await migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' });
    expect(again.applied).toEqual([]);
    expect(again.databaseCreated).toBe(false);

    mkdirSync(path.join(dir, '2_b'));
    writeFileSync(path.join(dir, '2_b', 'migration.sql'), 'CREATE TABLE b (id int);');
    const third = await migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' });
    expect(third.applied).toEqual(['2_b']);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const url = freshDatabaseUrl();
    const dir = migrationsDir({ '1_a': 'CREATE TABLE a (id int);' });
    await migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' });
    writeFileSync(path.join(dir, '1_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' })).rejects.toThrow(/1_a was changed after it was applied/);
  });

  it('rolls back a failing migration completely, leaving no bookkeeping row', async () => {
    const url = freshDatabaseUrl();
    const dir = migrationsDir({ '1_ok': 'CREATE TABLE ok (id int);', '2_bad': 'CREATE TABLE half (id int); SELECT no_such_function();' });
    await expect(migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' })).rejects.toThrow(/2_bad failed and was rolled back/);
    const tables = await query<{ t: string | null }>(url, `SELECT to_regclass('half')::text AS t`);
    expect(tables[0]?.t).toBeNull();
    const booked = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(booked.map((r) => r.migration_name)).toEqual(['1_ok']);
  });

  it('lets two runners race: each migration is applied exactly once', async () => {
    const url = freshDatabaseUrl();
    const dir = migrationsDir({ '1_a': 'CREATE TABLE a (id int);', '2_b': 'CREATE TABLE b (id int);' });
    const [one, two] = await Promise.all([
      migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' }),
      migrate({ databaseUrl: url, migrationsDir: dir, engine: 'runner' }),
    ]);
    expect([...one!.applied, ...two!.applied].sort()).toEqual(['1_a', '2_b']);
    const booked = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(booked[0]?.n)).toBe(2);
  });

  it("reads the project's own migrations", () => {
    const ours = listMigrations();
    expect(ours.length).toBeGreaterThan(0);
    expect(ours[0]?.name).toMatch(/^\d{14}_init$/);
  });
});
