// The responsibility part of `npm run bench` (issue 11), also runnable alone against a throw-away
// database: `npx tsx bench/responsibility.ts`. Seeds 1,000 flows of the demo's size between the two
// demo organisations, then measures in process (server time, no HTTP):
//  - the role review of one role across all of them (getRoleReview; target p95 ≤ 50 ms),
//  - the RACI matrix of a 300-element flow (loadFlowResponsibility + raciMatrix),
//  - a commit with the projection (saveRevision) beside the projection alone, so the commit without it
//    is the difference.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createThrowawayDatabase, DEFAULT_TEST_BASE_URL, dropThrowawayDatabase } from '../lib/db/databases';
import { migrate } from '../lib/db/migrate';
import { repeat, summarise, timed, type Sample } from './stats';

const FLOWS = Number(process.env.BENCH_FLOWS ?? 1000);
const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 30);

export type ResponsibilityResults = Record<string, Sample | number>;

export async function benchResponsibility(xmlOf300: string): Promise<ResponsibilityResults> {
  const { db } = await import('../lib/db/client');
  const { seedDemo } = await import('../prisma/seed/seed-demo');
  const { loadActor } = await import('../lib/db/actors');
  const { buildDischargeDemoFlow } = await import('../lib/domain/demo-flow');
  const { parseBpmn } = await import('../lib/bpmn/parse-bpmn');
  const { projectResponsibilities } = await import('../lib/db/flows/project-responsibilities');
  const { getRoleReview } = await import('../lib/db/role-responsibilities');
  const { getFlowForActor } = await import('../lib/db/flows/get-flow');
  const { loadFlowResponsibility } = await import('../lib/db/flows/flow-responsibility');
  const { raciMatrix } = await import('../lib/domain/responsibility/raci-matrix');
  const { createFlowFromBpmn } = await import('../lib/db/flows/create-flow-from-bpmn');
  const { saveDocument: saveRevision } = await import('../lib/coediting/save-document');
  const { REVISION_TX_OPTIONS } = await import('../lib/db/flows/save-revision');
  const { sqlOf } = await import('../lib/db/sql');
  const results: ResponsibilityResults = {};

  await seedDemo(db);
  const orgs = await db.organisation.findMany({ where: { name: { in: ['Regionen', 'Kommunen'] } }, include: { roles: true } });
  const region = orgs.find((o) => o.name === 'Regionen')!;
  const kommun = orgs.find((o) => o.name === 'Kommunen')!;
  const rolesOf = (o: typeof region) => Object.fromEntries(o.roles.map((r) => [r.name, r.id]));
  const xml = await buildDischargeDemoFlow({
    region: { id: region.id, name: region.name, colour: region.colour, roles: rolesOf(region) },
    kommun: { id: kommun.id, name: kommun.name, colour: kommun.colour, roles: rolesOf(kommun) },
  });
  const { definitions } = await parseBpmn(xml, 'strict');
  const author = await db.user.findUniqueOrThrow({ where: { email: 'region.editor@stafett.test' } });

  // 1,000 flows: alternately owned by the region and the kommun, each with revision 1 and its projection.
  const started = performance.now();
  for (let batch = 0; batch < FLOWS; batch += 100) {
    const ids = Array.from({ length: Math.min(100, FLOWS - batch) }, (_, i) => `bench_${batch + i}_${randomBytes(4).toString('hex')}`);
    await db.$transaction(
      async (tx) => {
        await tx.flow.createMany({
          data: ids.map((id, i) => ({ id, name: `Utskrivning ${batch + i}`, ownerOrganisationId: i % 2 ? kommun.id : region.id, createdById: author.id, headVersion: 1 })),
        });
        await tx.flowParticipant.createMany({ data: ids.flatMap((flowId) => [{ flowId, organisationId: region.id }, { flowId, organisationId: kommun.id }]) });
        await tx.flowRevision.createMany({ data: ids.map((flowId) => ({ flowId, version: 1, bpmnXml: xml, authorId: author.id })) });
        for (const flowId of ids) await projectResponsibilities(sqlOf(tx), flowId, definitions);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }
  // A bulk load is followed by VACUUM ANALYZE, as autovacuum would do within a minute or a DBA at
  // once: without statistics the planner takes 1,000 flows for a handful and walks every flow's rows,
  // and without the visibility map the role review's index-only scan visits the table anyway.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  results.seedFlows = FLOWS;
  results.seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  results.projectionRows = await db.flowResponsibility.count();

  const manager = await loadActor((await db.user.findUniqueOrThrow({ where: { email: 'kommun.admin@stafett.test' } })).id);
  const bistand = kommun.roles.find((r) => r.name === 'Biståndshandläggare')!;
  await getRoleReview(manager, bistand.id); // warm-up
  let items = 0;
  results.roleReview = summarise(await repeat(RUNS, () => timed(async () => void (items = (await getRoleReview(manager, bistand.id)).items.length))));
  results.roleReviewItems = items;
  // Baseline in the same run: the same rows straight from PostgreSQL (pg, no Prisma, no grouping), so the
  // ratio means something on a machine whose load moves every figure.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const seeing = manager.memberships.map((m) => m.organisationId);
  const sql = `SELECT r."flowId", f."name", r."elementId", r."elementKind", r."elementName", r."letter", r."position"
    FROM "FlowResponsibility" r JOIN "Flow" f ON f."id" = r."flowId" AND f."archivedAt" IS NULL
    WHERE r."roleId" = $1 AND EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = r."flowId" AND p."organisationId" = ANY($2::text[]))`;
  await client.query(sql, [bistand.id, seeing]);
  results.baselineRoleReviewSql = summarise(await repeat(RUNS, () => timed(() => client.query(sql, [bistand.id, seeing]))));
  // And what the review reads now, its read model's rows (one a flow, JSON text not parsed), so the rest
  // of the review's time (role lookup, JSON.parse, order) shows.
  const readModelSql = `SELECT v."flowId", f."name", v."items"
    FROM "FlowRoleReview" v JOIN "Flow" f ON f."id" = v."flowId" AND f."archivedAt" IS NULL
    WHERE v."roleId" = $1 AND EXISTS (SELECT 1 FROM "FlowParticipant" p WHERE p."flowId" = v."flowId" AND p."organisationId" = ANY($2::text[]))`;
  await client.query(readModelSql, [bistand.id, seeing]);
  results.baselineRoleReviewReadModelSql = summarise(await repeat(RUNS, () => timed(() => client.query(readModelSql, [bistand.id, seeing]))));
  await client.end();

  const editor = await loadActor((await db.user.findUniqueOrThrow({ where: { email: 'kommun.editor@stafett.test' } })).id);
  const large = await createFlowFromBpmn(editor, xmlOf300, { name: 'Benchmark RACI 300' });
  const largeFlow = await getFlowForActor(editor, large.id, 'flow.view');
  results.raciMatrix300 = summarise(
    await repeat(RUNS, () =>
      timed(async () => {
        const r = await loadFlowResponsibility(largeFlow);
        raciMatrix(r.projection.activities, r.catalogue, r.laneRoleIds);
      }),
    ),
  );

  let version = large.version;
  results.commitWithProjection300 = summarise(
    await repeat(RUNS, () => timed(async () => void (version = (await saveRevision(editor, large.id, { xml: xmlOf300, baseVersion: version })).version))),
  );
  const { definitions: largeDefinitions } = await parseBpmn(xmlOf300, 'strict');
  results.projectionAlone300 = summarise(
    await repeat(RUNS, () => timed(() => db.$transaction((tx) => projectResponsibilities(sqlOf(tx), large.id, largeDefinitions), REVISION_TX_OPTIONS))),
  );
  return results;
}

async function main() {
  const databaseUrl = await createThrowawayDatabase(process.env.TEST_DATABASE_BASE_URL ?? DEFAULT_TEST_BASE_URL, 'bench_');
  process.env.DATABASE_URL = databaseUrl;
  try {
    await migrate({ databaseUrl });
    const { buildLargeFlow } = await import('../lib/domain/large-flow');
    const results = await benchResponsibility(await buildLargeFlow({ elements: 300 }));
    console.log(JSON.stringify(results, null, 2));
    const { db } = await import('../lib/db/client');
    await db.$disconnect();
  } finally {
    // BENCH_KEEP_DB=1 keeps the seeded database for EXPLAIN ANALYZE and the like.
    if (process.env.BENCH_KEEP_DB === '1') console.log(`bench: kept ${databaseUrl}`);
    else await dropThrowawayDatabase(databaseUrl);
  }
}

if (process.argv[1]?.endsWith('responsibility.ts')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
