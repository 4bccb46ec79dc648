import { describe, expect, it } from 'vitest';
import { loadActor } from './actors';
import { db } from './client';
import { makeOrganisation, makeUser } from './flows/flow-test-data';
import { changeMemberAccess, listMembers, listMembersPage, removeMember } from './memberships';

async function accessOf(userId: string, organisationId: string) {
  return (await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } }))?.access;
}

describe('memberships', () => {
  it('refuses to demote or remove the last admin, and allows it once another admin exists', async () => {
    const org = await makeOrganisation();
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    const editor = await makeUser({ [org.id]: 'EDITOR' });

    await expect(changeMemberAccess(admin, { organisationId: org.id, userId: admin.userId, access: 'EDITOR' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'LAST_ADMIN' },
    });
    await expect(removeMember(admin, { organisationId: org.id, userId: admin.userId })).rejects.toMatchObject({ details: { reason: 'LAST_ADMIN' } });
    expect(await accessOf(admin.userId, org.id)).toBe('ADMIN');

    await changeMemberAccess(admin, { organisationId: org.id, userId: editor.userId, access: 'ADMIN' });
    expect(await accessOf(editor.userId, org.id)).toBe('ADMIN');
    await changeMemberAccess(admin, { organisationId: org.id, userId: admin.userId, access: 'VIEWER' });
    expect(await accessOf(admin.userId, org.id)).toBe('VIEWER');

    const newAdmin = await loadActor(editor.userId);
    await removeMember(newAdmin, { organisationId: org.id, userId: admin.userId });
    expect(await accessOf(admin.userId, org.id)).toBeUndefined();

    const audit = await db.auditEvent.findMany({ where: { organisationId: org.id, objectType: 'Membership' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['membership.changeAccess', 'membership.changeAccess', 'membership.remove']);
  });

  it('never leaves an organisation without an admin when two admins demote each other at once', async () => {
    const org = await makeOrganisation();
    const a = await makeUser({ [org.id]: 'ADMIN' });
    const b = await makeUser({ [org.id]: 'ADMIN' });
    const results = await Promise.allSettled([
      changeMemberAccess(a, { organisationId: org.id, userId: b.userId, access: 'EDITOR' }),
      changeMemberAccess(b, { organisationId: org.id, userId: a.userId, access: 'EDITOR' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.membership.count({ where: { organisationId: org.id, access: 'ADMIN' } })).toBe(1);
  });

  it('lets only admins see and manage members; outsiders get 404', async () => {
    const [org, other] = await Promise.all([makeOrganisation(), makeOrganisation()]);
    const admin = await makeUser({ [org.id]: 'ADMIN' }, 'Anna Admin');
    const editor = await makeUser({ [org.id]: 'EDITOR' }, 'Erik Editor');
    const outsider = await makeUser({ [other.id]: 'ADMIN' });

    expect((await listMembers(admin, org.id)).map((m) => [m.name, m.access])).toEqual([
      ['Anna Admin', 'ADMIN'],
      ['Erik Editor', 'EDITOR'],
    ]);
    await expect(listMembers(editor, org.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeMemberAccess(editor, { organisationId: org.id, userId: editor.userId, access: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listMembers(outsider, org.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(outsider, { organisationId: org.id, userId: editor.userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await accessOf(editor.userId, org.id)).toBe('EDITOR');
  });
});

describe('listMembersPage', () => {
  it('pages and searches members by name or e-mail, for admins only', async () => {
    const org = await makeOrganisation();
    const admin = await makeUser({ [org.id]: 'ADMIN' }, 'Admin Zäta');
    for (let i = 0; i < 27; i++) await makeUser({ [org.id]: 'VIEWER' }, `Medlem ${String(i).padStart(2, '0')}`);
    const first = await listMembersPage(admin, org.id, {});
    expect([first.total, first.pageCount, first.items.length]).toEqual([28, 2, 25]);
    expect((await listMembersPage(admin, org.id, { page: 2 })).items).toHaveLength(3);
    expect((await listMembersPage(admin, org.id, { q: 'medlem 2' })).items.map((m) => m.name)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Medlem 2${i}`),
    );
    const viewer = await makeUser({ [org.id]: 'VIEWER' });
    await expect(listMembersPage(viewer, org.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
