// npm run db:project — fills the responsibility tables for flows last saved before they existed
// (migration 20261201110000_responsibility). Safe to run again: flows already projected are skipped.
import { redactUrl } from '../lib/db/databases';

try {
  process.loadEnvFile();
} catch {
  // no .env file: the environment decides
}

async function main(): Promise<void> {
  const { reprojectFlowsWithoutProjection } = await import('../lib/db/flows/reproject-flows');
  const { db } = await import('../lib/db/client');
  const report = await reprojectFlowsWithoutProjection();
  console.log(`db:project: ${redactUrl(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/stafett')}: ${report.projected} flow(s) projected`);
  for (const r of report.refused) console.log(`db:project: flow ${r.flowId} not projected: ${r.message}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`db:project: ${(error as Error).message}`);
  process.exit(1);
});
