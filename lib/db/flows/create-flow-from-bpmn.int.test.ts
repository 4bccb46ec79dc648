import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { createModdle } from '@/lib/bpmn/moddle';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration, describeShapes, listElementIds } from '@/lib/domain/collaboration';
import { db } from '../client';
import { createFlowFromBpmn, DEFAULT_IMPORT_NAME } from './create-flow-from-bpmn';
import { MIWG_DIR, makeOrganisation, makeUser, twoPoolXml } from './flow-test-data';
import { getFlowForActor } from './get-flow';
import { getRevisionXml } from './get-revision-xml';

const MIWG_FILES = readdirSync(MIWG_DIR).filter((f) => f.endsWith('.bpmn')).sort();

/** What an import must keep, read straight from the file by moddle (no Stafett code in between). */
async function shapeOfOriginal(xml: string) {
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions', { lax: true });
  return shapeOf(rootElement);
}

function shapeOf(definitions: Parameters<typeof describeCollaboration>[0]) {
  const summary = describeCollaboration(definitions);
  return {
    participants: summary.participants.map((p) => p.id).sort(),
    lanes: summary.lanes.map((l) => l.id).sort(),
    messageFlows: summary.messageFlows.map((m) => `${m.id}:${m.sourceRef}->${m.targetRef}`).sort(),
    elements: listElementIds(definitions),
    shapes: describeShapes(definitions),
  };
}

describe('createFlowFromBpmn', () => {
  let org: Awaited<ReturnType<typeof makeOrganisation>>;
  let editor: Actor;

  beforeAll(async () => {
    org = await makeOrganisation();
    editor = await makeUser({ [org.id]: 'EDITOR' });
  });

  it('finds all 21 MIWG reference models', () => {
    expect(MIWG_FILES).toHaveLength(21);
  });

  it.each(MIWG_FILES)('keeps participants, lanes, nodes, flows and bounds of %s through import and read-back', async (file) => {
    const xml = readFileSync(new URL(file, MIWG_DIR), 'utf8');
    const created = await createFlowFromBpmn(editor, xml, { name: `MIWG ${file}` });
    expect(created.version).toBe(1);

    const stored = await getRevisionXml(editor, created.id);
    expect(stored.version).toBe(1);
    const { definitions } = await parseBpmn(stored.xml, 'strict');
    const after = shapeOf(definitions);
    const before = await shapeOfOriginal(xml);
    expect(after.participants).toEqual(before.participants);
    expect(after.lanes).toEqual(before.lanes);
    expect(after.messageFlows).toEqual(before.messageFlows);
    expect(after.elements).toEqual(before.elements);
    expect(after.shapes).toEqual(before.shapes);
    expect(Object.keys(after.shapes).length).toBeGreaterThan(0);
  });

  it('names the flow after the collaboration or process, else "Importerat flöde"', async () => {
    const named = await createFlowFromBpmn(editor, twoPoolXml({ orgA: 'x', orgB: 'y' }));
    expect((await getFlowForActor(editor, named.id, 'flow.view')).name).toBe('Testflöde');

    const unnamed = twoPoolXml({ orgA: 'x', orgB: 'y' }).replace(' name="Testflöde"', '');
    const fallback = await createFlowFromBpmn(editor, unnamed);
    expect((await getFlowForActor(editor, fallback.id, 'flow.view')).name).toBe(DEFAULT_IMPORT_NAME);

    const given = await createFlowFromBpmn(editor, unnamed, { name: 'Mitt namn', category: 'SUPPORT' });
    const flow = await getFlowForActor(editor, given.id, 'flow.view');
    expect({ name: flow.name, category: flow.category }).toEqual({ name: 'Mitt namn', category: 'SUPPORT' });
  });

  it('makes linked, known organisations participants and unlinks unknown organisations and foreign roles', async () => {
    const other = await makeOrganisation();
    const xml = twoPoolXml({ orgA: other.id, orgB: 'no-such-org', roleA: org.roles[0]!.id });
    const created = await createFlowFromBpmn(editor, xml);

    const flow = await getFlowForActor(editor, created.id, 'flow.view');
    expect(flow.owner.id).toBe(org.id); // the only organisation where the importer may create flows
    expect(flow.organisations.map((o) => o.id).sort()).toEqual([org.id, other.id].sort());
    expect(created.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['UNKNOWN_ORGANISATION', 'UNKNOWN_ROLE']));

    const { definitions } = await parseBpmn((await getRevisionXml(editor, created.id)).xml, 'strict');
    const summary = describeCollaboration(definitions);
    expect(summary.participants.find((p) => p.id === 'Pool_A')?.organisationId).toBe(other.id);
    expect(summary.participants.find((p) => p.id === 'Pool_B')?.organisationId).toBeUndefined();
    // The role belongs to the importer's organisation, not to the pool's: the link is dropped.
    expect(summary.lanes.find((l) => l.id === 'Lane_A1')?.roleId).toBeUndefined();
  });

  it('keeps a role link that matches its pool and owns the flow where asked', async () => {
    const second = await makeOrganisation();
    const both = await makeUser({ [org.id]: 'EDITOR', [second.id]: 'ADMIN' });
    const xml = twoPoolXml({ orgA: org.id, orgB: second.id, roleA: org.roles[1]!.id });
    const created = await createFlowFromBpmn(both, xml, { ownerOrganisationId: second.id });
    expect(created.warnings.filter((w) => w.code.startsWith('UNKNOWN_'))).toEqual([]);
    expect((await getFlowForActor(both, created.id, 'flow.view')).owner.id).toBe(second.id);
    const { definitions } = await parseBpmn((await getRevisionXml(both, created.id)).xml, 'strict');
    expect(describeCollaboration(definitions).lanes[0]?.roleId).toBe(org.roles[1]!.id);
  });

  it('drops what cannot be drawn and says so, instead of refusing the file', async () => {
    const dangling = twoPoolXml({ orgA: org.id, orgB: org.id }).replace(
      '<bpmn:task id="Task_A" name="Skicka" />',
      '<bpmn:task id="Task_A" name="Skicka" /><bpmn:sequenceFlow id="Ghost_flow" sourceRef="Task_A" targetRef="Nowhere" />',
    );
    const created = await createFlowFromBpmn(editor, dangling);
    expect(created.warnings.length).toBeGreaterThan(0);
    const stored = (await getRevisionXml(editor, created.id)).xml;
    expect(stored).not.toContain('Ghost_flow');
    await expect(parseBpmn(stored, 'strict')).resolves.toBeDefined();
  });

  it('lays out a file that has no diagram instead of storing a blank canvas', async () => {
    const withoutDi = twoPoolXml({ orgA: org.id, orgB: org.id }).replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    const created = await createFlowFromBpmn(editor, withoutDi);
    expect(created.warnings.map((w) => w.code)).toContain('GENERATED_DIAGRAM');
    expect(created.warnings.map((w) => w.code)).not.toContain('NO_DIAGRAM');
    const stored = (await getRevisionXml(editor, created.id)).xml;
    const { definitions } = await parseBpmn(stored, 'strict');
    expect(Object.keys(describeShapes(definitions))).toEqual(expect.arrayContaining(['Pool_A', 'Pool_B', 'Lane_A1', 'Task_A', 'Task_B']));
    expect(stored).toMatch(/<bpmndi:BPMNEdge [^>]*bpmnElement="Msg_1"/);
  });

  it('refuses a user who may create flows nowhere, and an owner where they may not, storing nothing', async () => {
    const viewer = await makeUser({ [org.id]: 'VIEWER' });
    const before = await db.flow.count();
    await expect(createFlowFromBpmn(viewer, twoPoolXml({ orgA: org.id, orgB: org.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await makeOrganisation();
    await expect(
      createFlowFromBpmn(editor, twoPoolXml({ orgA: org.id, orgB: org.id }), { ownerOrganisationId: elsewhere.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.flow.count()).toBe(before);
  });
});
