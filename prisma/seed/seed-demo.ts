import { hashPassword } from '../../lib/auth/password';
import type { Prisma, PrismaClient } from '../../lib/db/generated/client';
import { DEMO_FLOW_NAME, DEMO_FLOW_PURPOSE, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, KOMMUNEN, REGIONEN } from './demo-data';
import { buildDischargeDemoFlow, type OrgRoles } from '../../lib/domain/demo-flow';
import { parseBpmn } from '../../lib/bpmn/parse-bpmn';
import { recordStateOf } from '../../lib/bpmn/records';
import { toXml } from '../../lib/bpmn/serialise';
import { writeHead } from '../../lib/db/flows/flow-head';
import { projectResponsibilities } from '../../lib/db/flows/project-responsibilities';
import { appendRevision } from '../../lib/db/flows/save-revision';
import { sqlOf } from '../../lib/db/sql';

// Idempotent: everything is found by its natural key (organisation name, role name within its
// organisation, user e-mail, membership pair, the demo flow's name and owner) and only created
// when missing. Nothing that exists is updated, so a second run changes nothing, not even updatedAt.

type Tx = Prisma.TransactionClient;
export type SeedSummary = { organisations: number; roles: number; users: number; memberships: number; flowCreated: boolean };

// Two seeds at once (demo and a test, say) would both see "missing" and race on the unique keys.
const SEED_LOCK_KEY = 5_373_656_564; // "SEED"-ish; any constant other than Prisma's migrate lock

async function seedOrganisations(tx: Tx, counts: SeedSummary): Promise<Map<string, OrgRoles>> {
  const seeded = new Map<string, OrgRoles>();
  for (const org of DEMO_ORGANISATIONS) {
    let row = await tx.organisation.findUnique({ where: { name: org.name } });
    if (!row) {
      row = await tx.organisation.create({ data: { name: org.name, kind: org.kind, customerTerm: org.customerTerm, colour: org.colour } });
      counts.organisations++;
    }
    const roles: Record<string, string> = {};
    for (const role of org.roles) {
      let r = await tx.role.findUnique({ where: { organisationId_name: { organisationId: row.id, name: role.name } } });
      if (!r) {
        r = await tx.role.create({ data: { organisationId: row.id, name: role.name, description: role.description } });
        counts.roles++;
      }
      roles[role.name] = r.id;
    }
    seeded.set(org.name, { id: row.id, name: row.name, colour: row.colour, roles });
  }
  return seeded;
}

async function seedUsers(tx: Tx, orgs: Map<string, OrgRoles>, counts: SeedSummary): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    let row = await tx.user.findUnique({ where: { email: user.email } });
    if (!row) {
      row = await tx.user.create({ data: { email: user.email, name: user.name, passwordHash: await hashPassword(DEMO_PASSWORD) } });
      counts.users++;
    }
    ids.set(user.email, row.id);
    for (const m of user.memberships) {
      const organisationId = orgs.get(m.organisation)!.id;
      const key = { userId_organisationId: { userId: row.id, organisationId } };
      if (!(await tx.membership.findUnique({ where: key }))) {
        await tx.membership.create({ data: { userId: row.id, organisationId, access: m.access } });
        counts.memberships++;
      }
    }
  }
  return ids;
}

async function seedDemoFlow(tx: Tx, orgs: Map<string, OrgRoles>, authorId: string, followerIds: readonly string[]): Promise<boolean> {
  const region = orgs.get(REGIONEN)!;
  const kommun = orgs.get(KOMMUNEN)!;
  const existing = await tx.flow.findFirst({ where: { name: DEMO_FLOW_NAME, ownerOrganisationId: region.id } });
  if (existing) return false;
  const xml = await buildDischargeDemoFlow({ region, kommun });
  const flow = await tx.flow.create({
    data: {
      name: DEMO_FLOW_NAME,
      purpose: DEMO_FLOW_PURPOSE,
      category: 'CORE',
      ownerOrganisationId: region.id,
      createdById: authorId,
      headVersion: 1,
      participants: { create: [{ organisationId: region.id }, { organisationId: kommun.id }] },
    },
  });
  // Through the same writers as every flow: revision 1, the head's records, the projection.
  const stored = await toXml((await parseBpmn(xml, 'strict')).definitions);
  const definitions = (await parseBpmn(stored, 'strict')).definitions;
  const sql = sqlOf(tx);
  await appendRevision(sql, { flowId: flow.id, ownerOrganisationId: region.id, authorId, version: 1, xml: stored, message: 'Demoflödet enligt lag (2017:612)', auditAction: null });
  await writeHead(sql, flow.id, 1, recordStateOf(definitions), false);
  await projectResponsibilities(sql, flow.id, definitions);
  // Everyone in the demo follows the demo flow, so the home page tells each of what the others change.
  await tx.flowFollow.createMany({ data: followerIds.map((userId) => ({ userId, flowId: flow.id, seenVersion: 1 })) });
  return true;
}

/** Seeds the demo organisations, roles, users and flow into the database behind `client`. */
export async function seedDemo(client: PrismaClient): Promise<SeedSummary> {
  // Hashing is the slow part (~100 ms each): do it inside, but give the transaction room.
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const counts: SeedSummary = { organisations: 0, roles: 0, users: 0, memberships: 0, flowCreated: false };
      const orgs = await seedOrganisations(tx, counts);
      const users = await seedUsers(tx, orgs, counts);
      counts.flowCreated = await seedDemoFlow(tx, orgs, users.get('region.admin@stafett.test')!, [...users.values()]);
      return counts;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

/** Demo accounts with a published password must never appear in production by accident. */
export function assertDemoSeedAllowed(nodeEnv: string | undefined, argv: readonly string[]): void {
  if (nodeEnv === 'production' && !argv.includes('--force-demo')) {
    throw new Error('Refusing to seed demo users and data with NODE_ENV=production. Pass --force-demo if you really want demo accounts (password "stafett-demo") in this database.');
  }
}
