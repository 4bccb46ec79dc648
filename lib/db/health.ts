import { db } from './client';

// Health answers quickly even when PostgreSQL hangs rather than refuses: a load balancer or a person
// asking "is it up?" should not wait for TCP timeouts.
export const HEALTH_TIMEOUT_MS = 2000;

export type DatabaseHealth = 'ok' | 'down';
export type HealthReport = { status: 'ok' | 'degraded'; db: DatabaseHealth };

type Queryable = { $queryRaw: (query: TemplateStringsArray) => Promise<unknown> };

/** Asks the database `SELECT 1` through the app's own client, so it also proves the pool recovers. */
export async function checkDatabase(client: Queryable = db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const query = client.$queryRaw`SELECT 1`.then(
    (): DatabaseHealth => 'ok',
    (): DatabaseHealth => 'down',
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function healthReport(client?: Queryable): Promise<HealthReport> {
  const database = await checkDatabase(client);
  return { status: database === 'ok' ? 'ok' : 'degraded', db: database };
}
