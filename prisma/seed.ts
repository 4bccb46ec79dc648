// npm run db:seed — the demo organisations, roles, users and flow (prisma/seed/seed-demo.ts).
// Refuses NODE_ENV=production unless --force-demo is given: demo passwords are public.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/db/generated/client';
import { assertDemoSeedAllowed, seedDemo } from './seed/seed-demo';

try {
  process.loadEnvFile();
} catch {
  // no .env file: the environment decides
}

async function main(): Promise<void> {
  assertDemoSeedAllowed(process.env.NODE_ENV, process.argv.slice(2));
  const connectionString = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett';
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const s = await seedDemo(client);
    const what = `${s.organisations} organisation(s), ${s.roles} role(s), ${s.users} user(s), ${s.memberships} membership(s)${s.flowCreated ? ', the demo flow' : ''}`;
    console.log(`db:seed: created ${what}; everything else was already there`);
  } finally {
    await client.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed: ${(error as Error).message}`);
  process.exit(1);
});
