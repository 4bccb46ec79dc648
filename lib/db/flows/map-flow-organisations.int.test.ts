import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, revisionCount, twoPoolXml } from './flow-test-data';
import { getFlowForActor } from './get-flow';
import { getRevisionXml } from './get-revision-xml';
import { mapFlowOrganisations } from './map-flow-organisations';

let home: Awaited<ReturnType<typeof makeOrganisation>>;
let partner: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor;

beforeAll(async () => {
  home = await makeOrganisation();
  partner = await makeOrganisation();
  editor = await makeUser({ [home.id]: 'EDITOR' });
});

/** An import whose pools are linked to nothing we know: both stay unmapped. */
async function unmappedImport(): Promise<string> {
  return (await createFlowFromBpmn(editor, twoPoolXml({ orgA: 'elsewhere-1', orgB: 'elsewhere-2' }))).id;
}

describe('mapFlowOrganisations', () => {
  it('links pools and lanes, names lanes after their roles, adds participants and saves a revision', async () => {
    const flowId = await unmappedImport();
    const result = await mapFlowOrganisations(
      editor,
      flowId,
      { participants: { Pool_A: partner.id, Pool_B: home.id }, lanes: { Lane_A1: partner.roles[1]!.id } },
      1,
    );
    expect(result).toEqual({ version: 2 });

    const flow = await getFlowForActor(editor, flowId, 'flow.view');
    expect(flow.organisations.map((o) => o.id).sort()).toEqual([home.id, partner.id].sort());
    const head = await getRevisionXml(editor, flowId);
    expect(head.message).toMatch(/kopplade/);
    const summary = describeCollaboration((await parseBpmn(head.xml, 'strict')).definitions);
    expect(summary.participants.map((p) => [p.id, p.organisationId])).toEqual([
      ['Pool_A', partner.id],
      ['Pool_B', home.id],
    ]);
    expect(summary.lanes).toMatchObject([{ id: 'Lane_A1', roleId: partner.roles[1]!.id, name: partner.roles[1]!.name }]);
  });

  it.each([
    ['a pool id not in the diagram', () => ({ participants: { Nope: home.id }, lanes: {} }), 'participants.Nope'],
    ['a lane id not in the diagram', () => ({ participants: {}, lanes: { Nope: home.roles[0]!.id } }), 'lanes.Nope'],
    ['an unknown organisation', () => ({ participants: { Pool_A: 'no-such-org' }, lanes: {} }), 'participants.Pool_A'],
    ['a role of another organisation', () => ({ participants: { Pool_A: home.id }, lanes: { Lane_A1: partner.roles[0]!.id } }), 'lanes.Lane_A1'],
    ['a role for a lane whose pool is unmapped', () => ({ participants: {}, lanes: { Lane_A1: home.roles[0]!.id } }), 'lanes.Lane_A1'],
  ])('refuses %s with 400 and saves nothing', async (_label, mapping, field) => {
    const flowId = await unmappedImport();
    await expect(mapFlowOrganisations(editor, flowId, mapping(), 1)).rejects.toMatchObject({ code: 'INVALID', details: { field } });
    expect(await revisionCount(flowId)).toBe(1);
  });

  it('answers 409 on a stale base and 403 for a viewer', async () => {
    const flowId = await unmappedImport();
    await mapFlowOrganisations(editor, flowId, { participants: { Pool_A: home.id }, lanes: {} }, 1);
    await expect(mapFlowOrganisations(editor, flowId, { participants: { Pool_B: home.id }, lanes: {} }, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { headVersion: 2 },
    });
    const viewer = await makeUser({ [home.id]: 'VIEWER' });
    await expect(mapFlowOrganisations(viewer, flowId, { participants: {}, lanes: {} }, 2)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
