import { describe, expect, it } from 'vitest';
import { db } from './client';
import { makeOrganisation, makeUser, unique } from './flows/flow-test-data';
import { createFlow } from './flows/create-flow';
import { getRevisionXml } from './flows/get-revision-xml';
import { createRole, listRoles, listRolesPage, setRoleArchived, updateRole } from './roles';

describe('role catalogue', () => {
  it('keeps role names unique per organisation, ignoring case, but allows the same name elsewhere', async () => {
    const [org, other] = await Promise.all([makeOrganisation(unique('Org'), []), makeOrganisation(unique('Org'), [])]);
    const admin = await makeUser({ [org.id]: 'ADMIN', [other.id]: 'ADMIN' });

    const role = await createRole(admin, { organisationId: org.id, name: 'Biståndshandläggare', description: 'Beslutar om insatser' });
    await expect(createRole(admin, { organisationId: org.id, name: 'biståndshandläggare', description: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ROLE_NAME_TAKEN', field: 'name' },
    });
    await createRole(admin, { organisationId: other.id, name: 'Biståndshandläggare', description: '' });

    const second = await createRole(admin, { organisationId: org.id, name: 'Arbetsterapeut', description: '' });
    await expect(updateRole(admin, { organisationId: org.id, roleId: second.id, name: 'BISTÅNDSHANDLÄGGARE', description: '' })).rejects.toMatchObject({
      details: { reason: 'ROLE_NAME_TAKEN' },
    });
    // Changing only the case of its own name is a rename, not a clash.
    const renamed = await updateRole(admin, { organisationId: org.id, roleId: role.id, name: 'biståndshandläggare', description: 'Ny' });
    expect(renamed).toEqual({ id: role.id, name: 'biståndshandläggare', description: 'Ny', archived: false });

    const actions = await db.auditEvent.findMany({ where: { organisationId: org.id, objectType: 'Role' }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(['role.create', 'role.create', 'role.update']);
  });

  it('archives instead of deleting, lists archived roles last, and refuses editors and outsiders', async () => {
    const [org, other] = await Promise.all([makeOrganisation(unique('Org'), []), makeOrganisation(unique('Org'), [])]);
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    const editor = await makeUser({ [org.id]: 'EDITOR' });
    const outsider = await makeUser({ [other.id]: 'ADMIN' });
    const a = await createRole(admin, { organisationId: org.id, name: 'A-roll', description: '' });
    await createRole(admin, { organisationId: org.id, name: 'B-roll', description: '' });

    await setRoleArchived(admin, { organisationId: org.id, roleId: a.id }, true);
    expect((await listRoles(editor, org.id)).map((r) => [r.name, r.archived])).toEqual([
      ['B-roll', false],
      ['A-roll', true],
    ]);
    expect(await db.role.count({ where: { organisationId: org.id } })).toBe(2);

    await expect(createRole(editor, { organisationId: org.id, name: 'C-roll', description: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setRoleArchived(editor, { organisationId: org.id, roleId: a.id }, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listRoles(outsider, org.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A role of another organisation cannot be reached through one's own.
    const foreign = await createRole(outsider, { organisationId: other.id, name: 'Främmande', description: '' });
    await expect(updateRole(admin, { organisationId: org.id, roleId: foreign.id, name: 'Kapad', description: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('renaming a role', () => {
  it('renames its lane in every flow that uses it, as a new revision', async () => {
    const org = await makeOrganisation(unique('Org'), ['Sjuksköterska', 'Läkare']);
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    const nurse = org.roles.find((r) => r.name === 'Sjuksköterska')!;
    const flow = await createFlow(admin, { name: unique('Flöde'), category: 'CORE', organisations: [org.id], roles: { [org.id]: [nurse.id] } });

    await updateRole(admin, { organisationId: org.id, roleId: nurse.id, name: 'Avdelningssjuksköterska', description: '' });

    const head = await getRevisionXml(admin, flow.id);
    expect(head.version).toBe(2);
    expect(head.xml).toContain('name="Avdelningssjuksköterska"');
    expect(head.xml).not.toContain('name="Sjuksköterska"');
  });
});

describe('listRolesPage', () => {
  it('pages and searches the catalogue in the database, active roles first', async () => {
    const org = await makeOrganisation(unique('Org'), Array.from({ length: 30 }, (_, i) => `Roll ${String(i).padStart(2, '0')}`));
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    await setRoleArchived(admin, { organisationId: org.id, roleId: org.roles[0]!.id }, true);
    const first = await listRolesPage(admin, org.id, {});
    expect([first.total, first.pageCount, first.items.length]).toEqual([30, 2, 25]);
    expect(first.items[0]!.name).toBe('Roll 01');
    const second = await listRolesPage(admin, org.id, { page: 2 });
    expect(second.items.map((r) => r.name).at(-1)).toBe('Roll 00'); // the archived one, last
    expect((await listRolesPage(admin, org.id, { q: 'roll 1' })).total).toBe(10);
    const outsider = await makeUser({});
    await expect(listRolesPage(outsider, org.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
