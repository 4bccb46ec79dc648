import { describe, expect, it } from 'vitest';
import type { ProcessCategory } from '@/lib/db/generated/client';
import { loadActor } from '../actors';
import { db } from '../client';
import { makeOrganisation, makeUser, unique } from './flow-test-data';
import { listFlowsForActor, listFlowsOfOrganisation } from './list-flows';

type FlowSeed = { name?: string; owner: string; participants: string[]; category?: ProcessCategory; revisions?: { authorId: string; at: Date }[] };

/** A flow straight in the database, with revisions at chosen times (list-flows reads only metadata). */
async function insertFlow(createdById: string, seed: FlowSeed) {
  const revisions = seed.revisions ?? [];
  const flow = await db.flow.create({
    data: {
      name: seed.name ?? unique('Flöde'),
      category: seed.category ?? 'CORE',
      ownerOrganisationId: seed.owner,
      createdById,
      headVersion: revisions.length,
      participants: { create: seed.participants.map((organisationId) => ({ organisationId })) },
    },
  });
  for (const [i, r] of revisions.entries()) {
    await db.flowRevision.create({ data: { flowId: flow.id, version: i + 1, bpmnXml: '<x/>', authorId: r.authorId, createdAt: r.at } });
  }
  return flow;
}

describe('listFlowsForActor', () => {
  it('shows exactly the flows of the actor’s organisations, with participants, last change and author', async () => {
    const [a, b, c] = await Promise.all([makeOrganisation(), makeOrganisation(), makeOrganisation()]);
    const author = await makeUser({ [a.id]: 'EDITOR' }, unique('Författare'));
    const other = await makeUser({ [b.id]: 'EDITOR' }, unique('Annan'));
    const t0 = new Date('2026-01-01T10:00:00Z');
    const shared = await insertFlow(author.userId, {
      owner: a.id,
      participants: [a.id, b.id],
      revisions: [
        { authorId: author.userId, at: t0 },
        { authorId: other.userId, at: new Date(t0.getTime() + 60_000) },
      ],
    });
    const onlyA = await insertFlow(author.userId, { owner: a.id, participants: [a.id], revisions: [{ authorId: author.userId, at: new Date(t0.getTime() + 120_000) }] });
    const onlyC = await insertFlow(author.userId, { owner: c.id, participants: [c.id] });
    const bAndC = await insertFlow(author.userId, { owner: c.id, participants: [b.id, c.id] });
    const archived = await insertFlow(author.userId, { owner: a.id, participants: [a.id] });
    await db.flow.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    const viewerOfA = await makeUser({ [a.id]: 'VIEWER' });
    const flowsOfA = await listFlowsForActor(viewerOfA);
    expect(flowsOfA.map((f) => f.id)).toEqual([onlyA.id, shared.id]);
    const sharedItem = flowsOfA.find((f) => f.id === shared.id)!;
    expect(sharedItem.organisations.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    expect(sharedItem.lastChange).toEqual({ at: new Date(t0.getTime() + 60_000), by: other.name });
    expect(Object.keys(sharedItem).sort()).toEqual(['category', 'createdAt', 'id', 'lastChange', 'name', 'organisations']);

    const memberOfB = await makeUser({ [b.id]: 'VIEWER' });
    expect((await listFlowsForActor(memberOfB)).map((f) => f.id).sort()).toEqual([shared.id, bAndC.id].sort());

    const memberOfC = await makeUser({ [c.id]: 'ADMIN' });
    const flowsOfC = await listFlowsForActor(memberOfC);
    expect(flowsOfC.map((f) => f.id).sort()).toEqual([onlyC.id, bAndC.id].sort());
    expect(flowsOfC.every((f) => f.lastChange === null)).toBe(true);
  });

  it('gives a user without memberships nothing', async () => {
    const org = await makeOrganisation();
    const author = await makeUser({ [org.id]: 'EDITOR' });
    await insertFlow(author.userId, { owner: org.id, participants: [org.id] });
    const user = await db.user.create({ data: { email: `${unique('x').replace(' ', '-')}@org.test`, name: 'Ingen' } });
    expect(await listFlowsForActor(await loadActor(user.id))).toEqual([]);
  });

  it('lists an organisation’s processes for its members and refuses others with 404', async () => {
    const [a, b] = await Promise.all([makeOrganisation(), makeOrganisation()]);
    const author = await makeUser({ [a.id]: 'EDITOR' });
    const support = await insertFlow(author.userId, { owner: a.id, participants: [a.id], category: 'SUPPORT' });
    await insertFlow(author.userId, { owner: b.id, participants: [b.id] });
    const flows = await listFlowsOfOrganisation(author, a.id);
    expect(flows.map((f) => [f.id, f.category])).toEqual([[support.id, 'SUPPORT']]);
    const outsider = await makeUser({ [b.id]: 'ADMIN' });
    await expect(listFlowsOfOrganisation(outsider, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
