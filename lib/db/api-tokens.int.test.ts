import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { db } from './client';
import { createApiToken, findTokenOwner, listApiTokens, revokeApiToken } from './api-tokens';
import { createUser } from './users';

async function makeUser() {
  const email = `tokens-${randomUUID().slice(0, 8)}@auth.test`;
  return { email, ...(await createUser({ email, name: 'Skript', passwordHash: await hashPassword('x') })) };
}

describe('personal API tokens', () => {
  it('creates a token that identifies its owner, stores only its hash and audits it', async () => {
    const user = await makeUser();
    const created = await createApiToken(user.id, 'CI-skript');
    expect(created.token).toMatch(/^stf_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token);

    expect(await findTokenOwner(created.token)).toEqual({ user: { id: user.id, email: user.email, name: 'Skript' }, actor: { userId: user.id, memberships: [] } });
    expect(await findTokenOwner(`${created.token}x`)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { objectType: 'ApiToken', objectId: created.id } });
    expect(audit).toMatchObject([{ actorId: user.id, action: 'apiToken.create' }]);
  });

  it('lists the user’s own tokens with last use, without secrets', async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const t1 = await createApiToken(a.id, 'första');
    await createApiToken(b.id, 'någon annans');
    await findTokenOwner(t1.token);
    const list = await listApiTokens(a.id);
    expect(list.map((t) => t.name)).toEqual(['första']);
    expect(list[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect(Object.keys(list[0]!)).not.toContain('tokenHash');
  });

  it('revokes only the owner’s token; a revoked token no longer authenticates', async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const created = await createApiToken(owner.id, 'ska bort');
    expect(await revokeApiToken(other.id, created.id)).toBe(false);
    expect(await findTokenOwner(created.token)).not.toBeNull();

    expect(await revokeApiToken(owner.id, created.id)).toBe(true);
    expect(await revokeApiToken(owner.id, created.id)).toBe(false);
    expect(await findTokenOwner(created.token)).toBeNull();
    const actions = await db.auditEvent.findMany({ where: { objectId: created.id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((e) => e.action)).toEqual(['apiToken.create', 'apiToken.revoke']);
  });

  it('reads the memberships with the owner, as they are now', async () => {
    const user = await makeUser();
    const created = await createApiToken(user.id, 'skript');
    const org = await db.organisation.create({ data: { name: `Tokens ${randomUUID().slice(0, 8)}`, kind: 'MUNICIPALITY', customerTerm: 'brukare', colour: '#1f6feb' } });
    await db.membership.create({ data: { userId: user.id, organisationId: org.id, access: 'EDITOR' } });
    expect((await findTokenOwner(created.token))?.actor.memberships).toEqual([{ organisationId: org.id, access: 'EDITOR', approver: false }]);
    // A named approver approves through a script too: the flag comes with the membership.
    await db.membership.updateMany({ where: { userId: user.id }, data: { approver: true } });
    expect((await findTokenOwner(created.token))?.actor.memberships).toEqual([{ organisationId: org.id, access: 'EDITOR', approver: true }]);
    await db.membership.deleteMany({ where: { userId: user.id } });
    expect((await findTokenOwner(created.token))?.actor.memberships).toEqual([]);
  });

  it('no longer authenticates once its account is disabled, and marks its use at most once a minute', async () => {
    const user = await makeUser();
    const created = await createApiToken(user.id, 'skript');
    await findTokenOwner(created.token);
    const { lastUsedAt } = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(Date.now() - lastUsedAt!.getTime()).toBeLessThan(60_000);
    await findTokenOwner(created.token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(lastUsedAt);

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findTokenOwner(created.token)).toBeNull();
  });
});
