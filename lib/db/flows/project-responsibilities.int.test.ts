import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { isAppError } from '@/lib/errors';
import { db } from '../client';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, revisionCount, twoPoolXml } from './flow-test-data';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';

let orgA: Awaited<ReturnType<typeof makeOrganisation>>;
let orgB: Awaited<ReturnType<typeof makeOrganisation>>;
let stranger: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor & { name: string };

beforeAll(async () => {
  orgA = await makeOrganisation();
  orgB = await makeOrganisation();
  stranger = await makeOrganisation();
  editor = await makeUser({ [orgA.id]: 'EDITOR' });
});

/** The two-pool test flow with RACI entries on Task_A (its lane carries orgA's first role). */
function xmlWith(entries: { roleId: string; type: string }[], taskName = 'Skicka'): string {
  const base = twoPoolXml({ orgA: orgA.id, orgB: orgB.id, roleA: orgA.roles[0]!.id, taskName });
  const ext = entries.map((e) => `<stafett:responsibility roleId="${e.roleId}" type="${e.type}" />`).join('');
  return base.replace(
    `<bpmn:task id="Task_A" name="${taskName}" />`,
    `<bpmn:task id="Task_A" name="${taskName}"><bpmn:extensionElements>${ext}<stafett:stepDetails touchpoint="true" journeyPhase="before" /></bpmn:extensionElements></bpmn:task>`,
  );
}

async function projection(flowId: string) {
  const [activities, handovers, responsibilities] = await Promise.all([
    db.flowActivity.findMany({ where: { flowId }, orderBy: { position: 'asc' }, select: { elementId: true, position: true, touchpoint: true, journeyPhase: true, laneRoleId: true } }),
    db.flowHandover.findMany({ where: { flowId }, select: { elementId: true, fromElementId: true, toElementId: true, fromOrganisationId: true, toOrganisationId: true } }),
    db.flowResponsibility.findMany({ where: { flowId }, select: { elementId: true, roleId: true, letter: true, elementKind: true }, orderBy: [{ elementId: 'asc' }, { letter: 'asc' }] }),
  ]);
  return { activities, handovers, responsibilities };
}

describe('projectResponsibilities through the revision writers', () => {
  it('projects revision 1 of a new flow: activities in flow order, the handover, and R from the lane', async () => {
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: orgA.roles[1]!.id, type: 'accountable' }]));
    const p = await projection(id);
    expect(p.activities).toEqual([
      { elementId: 'Task_A', position: 0, touchpoint: true, journeyPhase: 'before', laneRoleId: orgA.roles[0]!.id },
      { elementId: 'Task_B', position: 1, touchpoint: false, journeyPhase: null, laneRoleId: null },
    ]);
    expect(p.handovers).toEqual([{ elementId: 'Msg_1', fromElementId: 'Task_A', toElementId: 'Task_B', fromOrganisationId: orgA.id, toOrganisationId: orgB.id }]);
    expect(p.responsibilities).toEqual([
      { elementId: 'Task_A', roleId: orgA.roles[0]!.id, letter: 'R', elementKind: 'ACTIVITY' },
      { elementId: 'Task_A', roleId: orgA.roles[1]!.id, letter: 'A', elementKind: 'ACTIVITY' },
    ]);
  });

  it('rewrites the projection with each committed revision, old rows gone', async () => {
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: orgA.roles[1]!.id, type: 'accountable' }]));
    await saveRevision(editor, id, {
      xml: xmlWith([
        { roleId: orgA.roles[1]!.id, type: 'responsible' },
        { roleId: orgB.roles[0]!.id, type: 'accountable' },
        { roleId: orgB.roles[1]!.id, type: 'informed' },
      ]),
      baseVersion: 1,
    });
    expect((await projection(id)).responsibilities).toEqual(
      [
        { elementId: 'Task_A', roleId: orgA.roles[1]!.id, letter: 'R', elementKind: 'ACTIVITY' },
        { elementId: 'Task_A', roleId: orgB.roles[0]!.id, letter: 'A', elementKind: 'ACTIVITY' },
        { elementId: 'Task_A', roleId: orgB.roles[1]!.id, letter: 'I', elementKind: 'ACTIVITY' },
      ],
    );
  });

  it("refuses a role outside the participating organisations' catalogues (400 UNKNOWN_ROLE naming the element) and keeps the old projection", async () => {
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: orgA.roles[1]!.id, type: 'accountable' }]));
    const before = await projection(id);
    const error = await saveRevision(editor, id, { xml: xmlWith([{ roleId: stranger.roles[0]!.id, type: 'accountable' }], 'Ändrad'), baseVersion: 1 }).catch((e: unknown) => e);
    expect(isAppError(error) && error.status).toBe(400);
    expect(isAppError(error) && error.details).toMatchObject({ reason: 'UNKNOWN_ROLE', elementIds: ['Task_A'], roleIds: [stranger.roles[0]!.id] });
    expect(await revisionCount(id)).toBe(1);
    expect(await projection(id)).toEqual(before);
  });

  it('leaves the old projection when a save loses to a newer version (409)', async () => {
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: orgA.roles[1]!.id, type: 'accountable' }]));
    await saveRevision(editor, id, { xml: xmlWith([{ roleId: orgA.roles[0]!.id, type: 'accountable' }]), baseVersion: 1 });
    const before = await projection(id);
    const error = await saveRevision(editor, id, { xml: xmlWith([{ roleId: orgB.roles[0]!.id, type: 'accountable' }]), baseVersion: 1 }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('CONFLICT');
    expect(await projection(id)).toEqual(before);
  });

  it('an import drops responsibilities naming unknown roles and says so, instead of refusing the file', async () => {
    const { id, warnings } = await createFlowFromBpmn(editor, xmlWith([{ roleId: 'role-from-elsewhere', type: 'accountable' }, { roleId: orgA.roles[1]!.id, type: 'consulted' }]));
    expect(warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'UNKNOWN_ROLE', elementId: 'Task_A' })]));
    expect((await projection(id)).responsibilities.map((r) => [r.roleId, r.letter])).toEqual([
      [orgA.roles[0]!.id, 'R'],
      [orgA.roles[1]!.id, 'C'],
    ]);
  });
});

describe('reprojectFlowsWithoutProjection', () => {
  it('projects a flow whose head was stored before the tables existed, and leaves projected flows alone', async () => {
    const { reprojectFlowsWithoutProjection } = await import('./reproject-flows');
    const { id } = await createFlowFromBpmn(editor, xmlWith([{ roleId: orgA.roles[1]!.id, type: 'accountable' }]));
    const expected = await projection(id);
    await db.flowResponsibility.deleteMany({ where: { flowId: id } });
    await db.flowActivity.deleteMany({ where: { flowId: id } });
    await db.flowHandover.deleteMany({ where: { flowId: id } });
    const report = await reprojectFlowsWithoutProjection();
    expect(report.projected).toBeGreaterThanOrEqual(1);
    expect(await projection(id)).toEqual(expected);
  });
});
