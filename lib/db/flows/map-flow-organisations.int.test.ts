import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { mappingFormInput, mappingFormSchema } from '@/lib/validation/flow-forms';
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

  it('unlinks a pool and a lane chosen as "Inte kopplad" in the mapping form', async () => {
    const flowId = await unmappedImport();
    await mapFlowOrganisations(editor, flowId, { participants: { Pool_A: home.id }, lanes: { Lane_A1: home.roles[0]!.id } }, 1);
    // What the form posts after the user picks "Inte kopplad" for the pool: its lane select is disabled,
    // and the form sends a hidden '' for the lane that had a role.
    const form = new FormData();
    for (const [k, v] of [['baseVersion', '2'], ['participant:Pool_A', ''], ['participant:Pool_B', ''], ['lane:Lane_A1', '']]) {
      form.append(k!, v!);
    }
    const { baseVersion, participants, lanes } = mappingFormSchema.parse(mappingFormInput(form));
    expect(await mapFlowOrganisations(editor, flowId, { participants, lanes }, baseVersion)).toEqual({ version: 3 });

    const summary = describeCollaboration((await parseBpmn((await getRevisionXml(editor, flowId)).xml, 'strict')).definitions);
    expect(summary.participants.find((p) => p.id === 'Pool_A')?.organisationId).toBeUndefined();
    expect(summary.lanes.find((l) => l.id === 'Lane_A1')?.roleId).toBeUndefined();
  });

  it.each([
    ['a pool id not in the diagram', () => ({ participants: { Nope: home.id }, lanes: {} }), 'participants.Nope', 'UNKNOWN_POOL'],
    ['a lane id not in the diagram', () => ({ participants: {}, lanes: { Nope: home.roles[0]!.id } }), 'lanes.Nope', 'UNKNOWN_LANE'],
    ['an unknown organisation', () => ({ participants: { Pool_A: 'no-such-org' }, lanes: {} }), 'participants.Pool_A', 'UNKNOWN_ORGANISATION'],
    [
      'a role of another organisation',
      () => ({ participants: { Pool_A: home.id }, lanes: { Lane_A1: partner.roles[0]!.id } }),
      'lanes.Lane_A1',
      'ROLE_NOT_IN_ORGANISATION',
    ],
    [
      'a role for a lane whose pool is unmapped',
      () => ({ participants: {}, lanes: { Lane_A1: home.roles[0]!.id } }),
      'lanes.Lane_A1',
      'POOL_NOT_MAPPED',
    ],
  ])('refuses %s with 400 and saves nothing', async (_label, mapping, field, reason) => {
    const flowId = await unmappedImport();
    await expect(mapFlowOrganisations(editor, flowId, mapping(), 1)).rejects.toMatchObject({
      code: 'INVALID',
      details: { field, reason },
    });
    expect(await revisionCount(flowId)).toBe(1);
  });

  it('answers 409 on a stale base and 403 for a viewer', async () => {
    const flowId = await unmappedImport();
    await mapFlowOrganisations(editor, flowId, { participants: { Pool_A: home.id }, lanes: {} }, 1);
    await expect(mapFlowOrganisations(editor, flowId, { participants: { Pool_B: home.id }, lanes: {} }, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { headVersion: 2, reason: 'STALE_VERSION' },
    });
    const viewer = await makeUser({ [home.id]: 'VIEWER' });
    await expect(mapFlowOrganisations(viewer, flowId, { participants: {}, lanes: {} }, 2)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('mapFlowOrganisations: names and colours', () => {
  it('gives a mapped pool its organisation’s name and colour (lanes too), or keeps its name when asked', async () => {
    const flowId = await unmappedImport();
    await mapFlowOrganisations(editor, flowId, { participants: { Pool_A: partner.id, Pool_B: home.id }, lanes: {}, keepNames: ['Pool_B'] }, 1);
    const xml = (await getRevisionXml(editor, flowId)).xml;
    const summary = describeCollaboration((await parseBpmn(xml, 'strict')).definitions);
    expect(summary.participants.map((p) => [p.id, p.name])).toEqual([
      ['Pool_A', partner.name],
      ['Pool_B', 'B'],
    ]);
    // The organisations' colour (#1f6feb in the test data) as bpmn-js's and the OMG colour attributes.
    for (const shapeId of ['Pool_A_di', 'Lane_A1_di', 'Pool_B_di']) {
      const shape = new RegExp(`<bpmndi:BPMNShape id="${shapeId}"[^>]*>`).exec(xml)?.[0] ?? '';
      expect(shape, shapeId).toMatch(/bioc:stroke="#[0-9a-fA-F]{6}"/);
      expect(shape, shapeId).toMatch(/bioc:fill="#[0-9a-fA-F]{6}"/);
      expect(shape, shapeId).toMatch(/color:border-color="#[0-9a-fA-F]{6}"/);
    }
  });

  it('reads "keep the name" from the mapping form’s checkboxes', () => {
    const form = new FormData();
    form.set('baseVersion', '1');
    form.set('participant:Pool_A', 'org');
    form.append('keepName', 'Pool_A');
    expect(mappingFormSchema.parse(mappingFormInput(form))).toMatchObject({ participants: { Pool_A: 'org' }, keepNames: ['Pool_A'] });
  });
});
