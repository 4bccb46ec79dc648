import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Creating and dropping whole databases. Used by the migration runner (create when missing), the
// Vitest global setup and the test script (throw-away databases). Plain `pg`, no Prisma: these run
// before any schema exists.

export const TEST_DATABASE_PREFIX = 'stafett_test_';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(url)}`);
  return name;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** The URL without its password, for log lines and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withMaintenanceClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  // CREATE/DROP DATABASE cannot run while connected to the database itself: use `postgres`.
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when it does not exist. Returns true when it created it. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withMaintenanceClient(url, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Another runner created it between our check and our CREATE: that is what we wanted.
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
  });
}

/**
 * Test set-up drops whole databases, so it refuses anything that does not look like a throw-away
 * test database on this machine (STYLE.md: never reset a database that is not local and named for tests).
 */
export function assertThrowawayDatabase(url: string): void {
  const u = new URL(url);
  const name = databaseName(url);
  if (!name.startsWith(TEST_DATABASE_PREFIX)) {
    throw new Error(`Refusing to drop "${name}": only databases named ${TEST_DATABASE_PREFIX}* are dropped by tests`);
  }
  if (!LOCAL_HOSTS.has(u.hostname)) {
    throw new Error(`Refusing to drop "${name}" on ${u.hostname}: test databases live on this machine only`);
  }
}

export async function dropThrowawayDatabase(url: string): Promise<void> {
  assertThrowawayDatabase(url);
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** A fresh, empty, uniquely named database on the server of `baseUrl`; returns its URL. */
export async function createThrowawayDatabase(baseUrl: string, label = ''): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${label}${randomBytes(5).toString('hex')}`;
  const url = withDatabase(baseUrl, name);
  assertThrowawayDatabase(url);
  await ensureDatabase(url);
  return url;
}

export const DEFAULT_TEST_BASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
