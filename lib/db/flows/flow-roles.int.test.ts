import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../client';
import { listRolesForFlow } from './flow-roles';

const unique = () => randomUUID().slice(0, 8);

async function organisation(name: string, roles: { name: string; archived?: boolean }[]) {
  return db.organisation.create({
    data: {
      name,
      kind: 'OTHER',
      customerTerm: 'kund',
      colour: '#336699',
      roles: { create: roles.map((r) => ({ name: r.name, archivedAt: r.archived ? new Date() : null })) },
    },
    include: { roles: true },
  });
}

describe('listRolesForFlow', () => {
  it('lists the active roles of each participating organisation, and nothing of others', async () => {
    const id = unique();
    const user = await db.user.create({ data: { email: `roles-${id}@flow.test`, name: 'Ritare' } });
    const b = await organisation(`B-org ${id}`, [{ name: 'Läkare' }, { name: 'Avdelningssjuksköterska' }]);
    const a = await organisation(`A-org ${id}`, [{ name: 'Biståndshandläggare' }, { name: 'Gammal roll', archived: true }]);
    await organisation(`C-org ${id}`, [{ name: 'Utomstående' }]);
    const flow = await db.flow.create({
      data: {
        name: `Flöde ${id}`,
        ownerOrganisationId: a.id,
        createdById: user.id,
        participants: { create: [{ organisationId: a.id }, { organisationId: b.id }] },
      },
    });

    const catalogue = await listRolesForFlow(flow.id);

    expect(catalogue.map((c) => c.organisationName)).toEqual([`A-org ${id}`, `B-org ${id}`]);
    expect(catalogue[0]!.roles.map((r) => r.name)).toEqual(['Biståndshandläggare']);
    expect(catalogue[1]!.roles.map((r) => r.name)).toEqual(['Avdelningssjuksköterska', 'Läkare']);
    expect(Object.keys(catalogue[1]!.roles[0]!).sort()).toEqual(['id', 'name']);
    expect(catalogue[1]!.roles[1]!.id).toBe(b.roles.find((r) => r.name === 'Läkare')!.id);
  });

  it('answers an empty list for a flow without participants', async () => {
    expect(await listRolesForFlow(`missing-${unique()}`)).toEqual([]);
  });
});
