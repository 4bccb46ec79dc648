import { describe, expect, it } from 'vitest';
import type { ProcessCategory } from '@/lib/db/generated/client';
import { loadActor } from '../actors';
import { db } from '../client';
import { makeOrganisation, makeUser, unique } from './flow-test-data';
import { listFlowsForActor, listFlowsOfOrganisation, listFlowsPageForActor } from './list-flows';

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

describe('listFlowsPageForActor', () => {
  it('pages, searches and filters in the database, newest change first, never beyond what the actor may see', async () => {
    const [a, b] = await Promise.all([makeOrganisation(), makeOrganisation()]);
    const author = await makeUser({ [a.id]: 'EDITOR', [b.id]: 'EDITOR' });
    const tag = unique('Sida').replace(/\s+/g, '-');
    const t0 = Date.UTC(2026, 0, 1);
    // 60 flows of organisation a: flow i last changed at t0 + i minutes; every third one a support process.
    const flows = [];
    for (let i = 0; i < 60; i++) {
      flows.push(
        await insertFlow(author.userId, {
          name: `${tag} ${i % 2 === 0 ? 'hemgång' : 'utskrivning'} ${String(i).padStart(2, '0')}`,
          owner: a.id,
          participants: [a.id],
          category: i % 3 === 0 ? 'SUPPORT' : 'CORE',
          revisions: [{ authorId: author.userId, at: new Date(t0 + i * 60_000) }],
        }),
      );
    }
    const foreign = await makeOrganisation();
    await insertFlow(author.userId, { name: `${tag} främmande`, owner: foreign.id, participants: [foreign.id] });
    const viewer = await makeUser({ [a.id]: 'VIEWER' });
    const newestFirst = [...flows].reverse().map((f) => f.id);

    const first = await listFlowsPageForActor(viewer, { q: tag, pageSize: 25 });
    expect([first.total, first.page, first.pageCount, first.items.length]).toEqual([60, 1, 3, 25]);
    expect(first.items.map((f) => f.id)).toEqual(newestFirst.slice(0, 25));
    const third = await listFlowsPageForActor(viewer, { q: tag, page: 3 });
    expect(third.items.map((f) => f.id)).toEqual(newestFirst.slice(50));
    // A page past the end shows the last one.
    expect((await listFlowsPageForActor(viewer, { q: tag, page: 99 })).page).toBe(3);

    const search = await listFlowsPageForActor(viewer, { q: `${tag} HEMGÅNG` });
    expect(search.total).toBe(30);
    expect(search.items.every((f) => f.name.includes('hemgång'))).toBe(true);
    const support = await listFlowsPageForActor(viewer, { q: tag, category: 'SUPPORT' });
    expect(support.total).toBe(20);
    expect(support.items.every((f) => f.category === 'SUPPORT')).toBe(true);
    // Wildcards in a search are plain characters.
    expect((await listFlowsPageForActor(viewer, { q: `${tag}%` })).total).toBe(0);
    // An organisation filter narrows to that organisation, and only to one of the actor's.
    expect((await listFlowsPageForActor(author, { q: tag, organisationId: b.id })).total).toBe(0);
    expect((await listFlowsPageForActor(viewer, { q: tag, organisationId: foreign.id })).total).toBe(0);
    expect((await listFlowsPageForActor(author, { q: tag, organisationId: a.id })).total).toBe(60);
  });
});
