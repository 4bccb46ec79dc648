import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { PrismaClient } from '../../lib/db/generated/client';
import { DEMO_FLOW_NAME, DEMO_PASSWORD, DEMO_USERS, KOMMUNEN, REGIONEN } from './demo-data';
import { assertDemoSeedAllowed, seedDemo } from './seed-demo';

const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
afterAll(() => client.$disconnect());

// Everything the seed owns, with the columns that would move if a second run touched a row.
async function snapshot() {
  const orgs = await client.organisation.findMany({ where: { name: { in: [KOMMUNEN, REGIONEN] } }, orderBy: { name: 'asc' } });
  const orgIds = orgs.map((o) => o.id);
  const emails = DEMO_USERS.map((u) => u.email);
  return {
    orgs,
    roles: await client.role.findMany({ where: { organisationId: { in: orgIds } }, orderBy: { id: 'asc' } }),
    users: await client.user.findMany({ where: { email: { in: emails } }, orderBy: { email: 'asc' } }),
    memberships: await client.membership.findMany({ where: { user: { email: { in: emails } } }, orderBy: { id: 'asc' } }),
    flows: await client.flow.findMany({ where: { name: DEMO_FLOW_NAME, ownerOrganisationId: { in: orgIds } }, include: { revisions: true, participants: true } }),
  };
}

describe('demo seed', () => {
  it('creates the demo data once and changes nothing the second time', async () => {
    await seedDemo(client);
    const first = await snapshot();
    const second = await seedDemo(client);
    expect(second).toEqual({ organisations: 0, roles: 0, users: 0, memberships: 0, flowCreated: false });
    expect(await snapshot()).toEqual(first);

    expect(first.orgs.map((o) => [o.name, o.kind, o.customerTerm])).toEqual([
      ['Kommunen', 'MUNICIPALITY', 'brukare'],
      ['Regionen', 'REGION', 'patient'],
    ]);
    expect(first.roles).toHaveLength(9);
    expect(first.roles.every((r) => r.description.length > 20)).toBe(true);
    expect(first.users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(first.memberships).toHaveLength(6);

    // One demo flow, owned by Regionen, both organisations taking part, exactly one revision.
    expect(first.flows).toHaveLength(1);
    const flow = first.flows[0]!;
    expect(flow.headVersion).toBe(1);
    expect(flow.revisions.map((r) => r.version)).toEqual([1]);
    expect(flow.participants.map((p) => p.organisationId).sort()).toEqual(first.orgs.map((o) => o.id).sort());
    expect(flow.ownerOrganisationId).toBe(first.orgs.find((o) => o.name === 'Regionen')!.id);
    const xml = flow.revisions[0]!.bpmnXml;
    expect(xml).toContain('bpmn:collaboration');
    expect(xml.match(/<bpmn:participant /g)).toHaveLength(2);
    expect((xml.match(/<bpmn:messageFlow /g) ?? []).length).toBeGreaterThanOrEqual(3);
    // Lanes are tied to the seeded roles by id, so renaming a role renames its lane.
    const laneRoleIds = [...xml.matchAll(/stafett:roleId="([^"]+)"/g)].map((m) => m[1]);
    expect(laneRoleIds.length).toBeGreaterThanOrEqual(8);
    expect(laneRoleIds.every((id) => first.roles.some((r) => r.id === id))).toBe(true);
  });

  it('gives every demo user the demo password and the right access', async () => {
    await seedDemo(client);
    const viewer = await client.user.findUniqueOrThrow({ where: { email: 'viewer@stafett.test' }, include: { memberships: { include: { organisation: true } } } });
    expect(viewer.memberships.map((m) => [m.organisation.name, m.access]).sort()).toEqual([
      ['Kommunen', 'VIEWER'],
      ['Regionen', 'VIEWER'],
    ]);
    const admin = await client.user.findUniqueOrThrow({ where: { email: 'kommun.admin@stafett.test' } });
    expect(await verifyPassword(admin.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash!, 'wrong')).toBe(false);
  });

  it('refuses production without --force-demo', () => {
    expect(() => assertDemoSeedAllowed('production', [])).toThrow(/Refusing to seed/);
    expect(() => assertDemoSeedAllowed('production', ['--force-demo'])).not.toThrow();
    expect(() => assertDemoSeedAllowed('development', [])).not.toThrow();
  });
});
