import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { env } from '@/lib/env';
import type { Sql, SqlReader } from './sql';

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { stafettPrisma?: PrismaClient; stafettPool?: pg.Pool };

function createPool(): pg.Pool {
  // A short connection timeout lets pages and /api/health answer "database down" quickly; the pool
  // reconnects on its own when PostgreSQL is back, so no restart is needed.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  // An idle connection the server ends (a restart, a dropped database) is only taken out of the pool:
  // without a listener, pg's 'error' event would end the whole process.
  pool.on('error', (error) => console.warn(`database: an idle connection ended (${error.message})`));
  return pool;
}

/** The connections Prisma uses, shared with `readRows` below. */
const pool: pg.Pool = globalForPrisma.stafettPool ?? createPool();

export const db: PrismaClient = globalForPrisma.stafettPrisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });
if (env.NODE_ENV !== 'production') {
  globalForPrisma.stafettPrisma = db;
  globalForPrisma.stafettPool = pool;
}

/**
 * A read straight through the pg driver on Prisma's own pool, for the hot paths: Prisma's query path
 * costs ~5 µs a row and about a millisecond a query in JavaScript, which was most of the role review's
 * time across 1,000 flows and a third of a commit's request before its transaction. Parameters are
 * bound ($1, $2 …), never spliced into the text. Reads only. The driver reads a TIMESTAMP(3) column
 * (no time zone; Prisma writes UTC) in the process's time zone: select it `AT TIME ZONE 'UTC'`.
 */
export async function readRows<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
  return (await pool.query(text, values as unknown[])).rows as Row[];
}

/** Reads on the shared pool outside any transaction, each statement on whichever connection is free. */
export const pooledSql: SqlReader = { query: readRows };

/** As long as Prisma's transactions may take (REVISION_TX_OPTIONS), waiting for a row lock included. */
const TRANSACTION_STATEMENT_TIMEOUT_MS = 15_000;

/** One transaction on a driver connection of the shared pool (the commit path: see sql.ts). */
export async function inSqlTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const sql: Sql = {
    query: async <Row>(text: string, values: readonly unknown[] = []) => (await client.query(text, values as unknown[])).rows as Row[],
    execute: async (text, values = []) => void (await client.query(text, values as unknown[])),
  };
  let broken = false;
  try {
    // One round trip: both statements in one simple query, which leaves the transaction open.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${TRANSACTION_STATEMENT_TIMEOUT_MS}`);
    const result = await work(sql);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back goes, rather than back into the pool.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}
