import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { db } from '../client';
import { createFlow } from './create-flow';
import { makeOrganisation, makeUser, unique } from './flow-test-data';
import { getFlowForActor } from './get-flow';
import { getRevisionXml } from './get-revision-xml';

let kommun: Awaited<ReturnType<typeof makeOrganisation>>;
let region: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor;

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'), ['Biståndshandläggare', 'Kommunens sjuksköterska']);
  region = await makeOrganisation(unique('Region'), ['Avdelningssjuksköterska', 'Läkare']);
  editor = await makeUser({ [kommun.id]: 'EDITOR' });
});

function input(overrides: Record<string, unknown> = {}) {
  return {
    name: unique('Utskrivning'),
    purpose: 'Trygg hemgång',
    category: 'CORE' as const,
    organisations: [kommun.id, region.id],
    roles: { [kommun.id]: [kommun.roles[0]!.id], [region.id]: [region.roles[0]!.id, region.roles[1]!.id] },
    ...overrides,
  };
}

describe('createFlow', () => {
  it('creates revision 1 with a pool per organisation and a lane per chosen role, audited', async () => {
    const data = input();
    const created = await createFlow(editor, data);
    expect(created).toEqual({ id: expect.any(String), version: 1 });

    const flow = await getFlowForActor(editor, created.id, 'flow.edit');
    expect(flow).toMatchObject({ name: data.name, purpose: 'Trygg hemgång', category: 'CORE', headVersion: 1, owner: { id: kommun.id } });
    expect(flow.organisations.map((o) => o.id)).toEqual([kommun.id, region.id]);
    expect(flow.organisations[0]).toEqual({ id: kommun.id, name: kommun.name, kind: 'MUNICIPALITY', colour: '#1f6feb', customerTerm: 'brukare' });

    const { definitions } = await parseBpmn((await getRevisionXml(editor, created.id)).xml, 'strict');
    const summary = describeCollaboration(definitions);
    expect(summary.participants.map((p) => p.organisationId)).toEqual([kommun.id, region.id]);
    expect(summary.lanes.map((l) => [l.name, l.roleId])).toEqual([
      ['Biståndshandläggare', kommun.roles[0]!.id],
      ['Avdelningssjuksköterska', region.roles[0]!.id],
      ['Läkare', region.roles[1]!.id],
    ]);
    expect(summary.elementCounts['bpmn:StartEvent']).toBe(1);

    const audit = await db.auditEvent.findMany({ where: { objectId: created.id } });
    expect(audit).toMatchObject([{ action: 'flow.created', actorId: editor.userId, organisationId: kommun.id }]);
  });

  it('lets the other side read it: a region editor sees and may edit the shared flow', async () => {
    const created = await createFlow(editor, input());
    const regionEditor = await makeUser({ [region.id]: 'EDITOR' });
    expect((await getFlowForActor(regionEditor, created.id, 'flow.edit')).id).toBe(created.id);
    await expect(getFlowForActor(regionEditor, created.id, 'flow.administer')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('owns the flow by the first listed organisation where the actor may create flows', async () => {
    const created = await createFlow(editor, input({ organisations: [region.id, kommun.id], roles: {} }));
    expect((await getFlowForActor(editor, created.id, 'flow.view')).owner.id).toBe(kommun.id);
  });

  it('refuses with 403 when the actor may create flows in none of the organisations, or not in the owner asked for', async () => {
    const viewer = await makeUser({ [kommun.id]: 'VIEWER', [region.id]: 'VIEWER' });
    await expect(createFlow(viewer, input())).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/editor access/) });
    await expect(createFlow(editor, input({ ownerOrganisationId: region.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    ['a role of another organisation', () => ({ roles: { [kommun.id]: [region.roles[0]!.id] } }), 'roles.'],
    ['an unknown role', () => ({ roles: { [kommun.id]: ['no-such-role'] } }), 'roles.'],
    ['an unknown organisation', () => ({ organisations: [kommun.id, 'no-such-org'], roles: {} }), 'organisations'],
    ['an organisation listed twice', () => ({ organisations: [kommun.id, kommun.id], roles: {} }), 'organisations'],
    ['roles of an organisation not listed', () => ({ organisations: [kommun.id], roles: { [region.id]: [] } }), 'roles.'],
    ['no organisation', () => ({ organisations: [], roles: {} }), 'organisations'],
    ['an empty name', () => ({ name: '  ' }), 'name'],
    ['a name over 200 characters', () => ({ name: 'x'.repeat(201) }), 'name'],
    ['an unknown category', () => ({ category: 'OTHER' }), 'category'],
  ])('refuses %s (400 naming the field) and stores nothing', async (_label, overrides, field) => {
    const before = await db.flow.count({ where: { createdById: editor.userId } });
    const error = await createFlow(editor, input(overrides())).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID', details: { field: expect.stringContaining(field) } });
    expect(await db.flow.count({ where: { createdById: editor.userId } })).toBe(before);
  });

  it('refuses an archived role', async () => {
    const archived = await db.role.create({ data: { organisationId: kommun.id, name: unique('Gammal roll'), archivedAt: new Date() } });
    await expect(createFlow(editor, input({ roles: { [kommun.id]: [archived.id] } }))).rejects.toMatchObject({ code: 'INVALID' });
  });
});
