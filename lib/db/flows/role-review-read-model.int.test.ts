import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';
import { RACI_LETTERS } from '@/lib/domain/responsibility/raci';
import { db } from '../client';
import { commitChanges } from './commit-changes';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml } from './flow-test-data';

// FlowRoleReview is written by triggers on FlowResponsibility (migration 20261203100000): whichever
// path writes the projection (a new flow's full rewrite, a commit's difference, a rename), it must say
// exactly what FlowResponsibility says.

let orgA: Awaited<ReturnType<typeof makeOrganisation>>;
let orgB: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor;

beforeAll(async () => {
  orgA = await makeOrganisation();
  orgB = await makeOrganisation();
  editor = await makeUser({ [orgA.id]: 'EDITOR' });
});

/** The two-pool flow with RACI entries on Task_A (its lane carries orgA's first role) and on the handover Msg_1. */
function xmlWith(onTask: { roleId: string; type: string }[], onHandover: { roleId: string; type: string }[] = []): string {
  const entries = (list: typeof onTask) => list.map((e) => `<stafett:responsibility roleId="${e.roleId}" type="${e.type}" />`).join('');
  return twoPoolXml({ orgA: orgA.id, orgB: orgB.id, roleA: orgA.roles[0]!.id, taskName: 'Skicka' })
    .replace('<bpmn:task id="Task_A" name="Skicka" />', `<bpmn:task id="Task_A" name="Skicka"><bpmn:extensionElements>${entries(onTask)}</bpmn:extensionElements></bpmn:task>`)
    .replace(
      '<bpmn:messageFlow id="Msg_1" name="Överlämning" sourceRef="Task_A" targetRef="Task_B" />',
      `<bpmn:messageFlow id="Msg_1" name="Överlämning" sourceRef="Task_A" targetRef="Task_B"><bpmn:extensionElements>${entries(onHandover)}</bpmn:extensionElements></bpmn:messageFlow>`,
    );
}

type Element = { elementId: string; name: string; kind: string; letters: string[] };

async function readModel(flowId: string): Promise<Record<string, Element[]>> {
  const rows = await db.flowRoleReview.findMany({ where: { flowId } });
  return Object.fromEntries(rows.map((r) => [r.roleId, JSON.parse(r.items) as Element[]]));
}

/** What the read model must hold, worked out here from FlowResponsibility: per role, its elements by position, letters in RACI order. */
async function fromFacts(flowId: string): Promise<Record<string, Element[]>> {
  const rows = await db.flowResponsibility.findMany({ where: { flowId }, orderBy: [{ position: 'asc' }] });
  const byRole = new Map<string, Map<string, Element>>();
  for (const r of rows) {
    const elements = byRole.get(r.roleId) ?? byRole.set(r.roleId, new Map()).get(r.roleId)!;
    const element = elements.get(r.elementId) ?? elements.set(r.elementId, { elementId: r.elementId, name: r.elementName, kind: r.elementKind, letters: [] }).get(r.elementId)!;
    element.letters.push(r.letter);
  }
  const order = (letters: string[]) => RACI_LETTERS.filter((l) => letters.includes(l));
  return Object.fromEntries([...byRole].map(([roleId, elements]) => [roleId, [...elements.values()].map((e) => ({ ...e, letters: order(e.letters) }))]));
}

describe('FlowRoleReview, the role review read model', () => {
  it('follows FlowResponsibility through a new flow, a commit that moves letters and roles, a rename, and roles removed', async () => {
    const [laneRole, roleA] = [orgA.roles[0]!.id, orgA.roles[1]!.id];
    const [roleB0, roleB1] = [orgB.roles[0]!.id, orgB.roles[1]!.id];
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: roleA, type: 'informed' }, { roleId: roleA, type: 'accountable' }]));
    expect(await readModel(id)).toEqual({
      [laneRole]: [{ elementId: 'Task_A', name: 'Skicka', kind: 'ACTIVITY', letters: ['R'] }],
      [roleA]: [{ elementId: 'Task_A', name: 'Skicka', kind: 'ACTIVITY', letters: ['A', 'I'] }],
    });

    await saveRevision(editor, id, {
      xml: xmlWith([{ roleId: roleA, type: 'consulted' }, { roleId: roleB0, type: 'accountable' }], [{ roleId: roleB0, type: 'informed' }, { roleId: roleB1, type: 'consulted' }]),
      baseVersion: 1,
    });
    const moved = await readModel(id);
    expect(moved[roleB0]).toEqual([
      { elementId: 'Task_A', name: 'Skicka', kind: 'ACTIVITY', letters: ['A'] },
      { elementId: 'Msg_1', name: 'Överlämning', kind: 'HANDOVER', letters: ['I'] },
    ]);
    expect(moved).toEqual(await fromFacts(id));

    const version = (await db.flow.findUniqueOrThrow({ where: { id } })).headVersion;
    await commitChanges({ flowId: id, authorId: editor.userId, batchId: randomUUID(), rights: 'system', ops: [{ op: 'patch', id: 'Task_A', fields: { 'a:bpmn:name': 'Skicka remiss' } }] });
    expect((await db.flow.findUniqueOrThrow({ where: { id } })).headVersion).toBe(version + 1);
    const renamed = await readModel(id);
    expect(renamed[roleA]).toEqual([{ elementId: 'Task_A', name: 'Skicka remiss', kind: 'ACTIVITY', letters: ['C'] }]);
    expect(renamed).toEqual(await fromFacts(id));

    await saveRevision(editor, id, { xml: xmlWith([]), baseVersion: version + 1 });
    expect(await readModel(id)).toEqual({ [laneRole]: [{ elementId: 'Task_A', name: 'Skicka', kind: 'ACTIVITY', letters: ['R'] }] });
    expect(await readModel(id)).toEqual(await fromFacts(id));
  });
});
