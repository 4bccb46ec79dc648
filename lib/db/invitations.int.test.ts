import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { hashSecret } from '@/lib/auth/tokens';
import { db } from './client';
import { makeOrganisation, makeUser } from './flows/flow-test-data';
import { acceptInvitation, acceptInvitationAsNewUser, createInvitation, findInvitation, listPendingInvitations, revokeInvitation } from './invitations';

const email = () => `inbjuden-${randomUUID().slice(0, 8)}@org.test`;

async function setUp() {
  const org = await makeOrganisation();
  const admin = await makeUser({ [org.id]: 'ADMIN' });
  return { org, admin };
}

describe('invitations', () => {
  it('stores only the hash, expires in 14 days and lets a new person create an account once', async () => {
    const { org, admin } = await setUp();
    const invited = email();
    const before = Date.now();
    const created = await createInvitation(admin, { organisationId: org.id, email: invited, access: 'EDITOR' });

    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashSecret(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const days = (row.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    expect(await findInvitation(created.secret)).toMatchObject({ status: 'valid', email: invited, access: 'EDITOR' });

    const result = await acceptInvitationAsNewUser({ token: created.secret, name: 'Ny Person', password: 'ett-långt-lösenord' });
    expect(result).toEqual({ email: invited, organisationId: org.id });
    const user = await db.user.findUniqueOrThrow({ where: { email: invited }, include: { memberships: true } });
    expect(user.name).toBe('Ny Person');
    expect(await verifyPassword(user.passwordHash!, 'ett-långt-lösenord')).toBe(true);
    expect(user.memberships.map((m) => [m.organisationId, m.access])).toEqual([[org.id, 'EDITOR']]);
    expect(await findInvitation(created.secret)).toMatchObject({ status: 'accepted' });

    await expect(acceptInvitationAsNewUser({ token: created.secret, name: 'Igen', password: 'ett-långt-lösenord' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const audit = await db.auditEvent.findMany({ where: { organisationId: org.id, objectType: 'Invitation' }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.accept', 'invitation.create']);
  });

  it('lets a signed-in user with the invited email accept, and nobody else', async () => {
    const { org, admin } = await setUp();
    const invited = email();
    const existing = await db.user.create({ data: { email: invited, name: 'Befintlig' } });
    const stranger = await db.user.create({ data: { email: email(), name: 'Främling' } });
    const { secret } = await createInvitation(admin, { organisationId: org.id, email: invited.toUpperCase(), access: 'VIEWER' });
    const view = await findInvitation(secret);
    expect(view).toMatchObject({ email: invited });
    expect(view).not.toHaveProperty('accountExists'); // the signed-out page must not be able to tell

    await expect(acceptInvitation(stranger, secret)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'INVITATION_OTHER_EMAIL' } });
    expect(await db.membership.count({ where: { userId: stranger.id } })).toBe(0);
    // The refusal rolled back: the link still works for the right person.
    expect(await acceptInvitation(existing, secret)).toBe(org.id);
    expect(await db.membership.count({ where: { userId: existing.id, organisationId: org.id, access: 'VIEWER' } })).toBe(1);
    await expect(acceptInvitation(existing, secret)).rejects.toMatchObject({ details: { reason: 'INVITATION_ACCEPTED' } });
  });

  it('refuses expired and revoked links, and says when the person is already a member', async () => {
    const { org, admin } = await setUp();
    const invited = email();
    const user = await db.user.create({ data: { email: invited, name: 'Sen' } });

    const expired = await createInvitation(admin, { organisationId: org.id, email: invited, access: 'VIEWER' });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(expired.secret)).toMatchObject({ status: 'expired' });
    await expect(acceptInvitation(user, expired.secret)).rejects.toMatchObject({ details: { reason: 'INVITATION_EXPIRED' } });

    const revoked = await createInvitation(admin, { organisationId: org.id, email: invited, access: 'VIEWER' });
    expect((await listPendingInvitations(admin, org.id)).map((i) => i.id)).toEqual([revoked.id]);
    await revokeInvitation(admin, org.id, revoked.id);
    expect(await findInvitation(revoked.secret)).toMatchObject({ status: 'revoked' });
    await expect(acceptInvitation(user, revoked.secret)).rejects.toMatchObject({ details: { reason: 'INVITATION_REVOKED' } });
    expect(await listPendingInvitations(admin, org.id)).toEqual([]);
    expect(await findInvitation('no-such-secret-abcdefghijklmnop')).toBeNull();

    const adminEmail = (await db.user.findUniqueOrThrow({ where: { id: admin.userId } })).email;
    await expect(createInvitation(admin, { organisationId: org.id, email: adminEmail.toUpperCase(), access: 'VIEWER' })).rejects.toMatchObject({
      details: { reason: 'ALREADY_MEMBER' },
    });
  });

  it('a new invitation replaces the pending one; only admins invite', async () => {
    const { org, admin } = await setUp();
    const editor = await makeUser({ [org.id]: 'EDITOR' });
    const invited = email();
    const first = await createInvitation(admin, { organisationId: org.id, email: invited, access: 'VIEWER' });
    const second = await createInvitation(admin, { organisationId: org.id, email: invited, access: 'ADMIN' });
    expect(await findInvitation(first.secret)).toMatchObject({ status: 'revoked' });
    expect(await findInvitation(second.secret)).toMatchObject({ status: 'valid', access: 'ADMIN' });
    await expect(createInvitation(editor, { organisationId: org.id, email: email(), access: 'VIEWER' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
