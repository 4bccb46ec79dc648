import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { env } from '@/lib/env';

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { stafettPrisma?: PrismaClient };

function createClient(): PrismaClient {
  // A short connection timeout lets pages and /api/health answer "database down" quickly; the pool
  // reconnects on its own when PostgreSQL is back, so no restart is needed.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.stafettPrisma ?? createClient();
if (env.NODE_ENV !== 'production') globalForPrisma.stafettPrisma = db;
