import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { BPMN_NS } from '@/lib/bpmn/test-fixtures';
import { checkResponsibility, type Finding } from './checks';
import { DEMO_ROLE_ORGANISATIONS, demoDefinitions } from './demo-fixture';
import { projectResponsibility } from './raci';

const STAFETT = 'xmlns:stafett="http://stafett.se/schema/bpmn/1.0"';

/** Two pools: kommun (lanes for role-k1 and role-k2) and region (lane for role-r1); no DI needed. */
function flow(kommunTasks: string, regionTasks = '', messageFlows = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NS} ${STAFETT} id="D" targetNamespace="http://example.com">
  <bpmn:collaboration id="C">
    <bpmn:participant id="Pool_K" processRef="P_K" stafett:organisationId="org-k" />
    <bpmn:participant id="Pool_R" processRef="P_R" stafett:organisationId="org-r" />
    ${messageFlows}
  </bpmn:collaboration>
  <bpmn:process id="P_K">
    <bpmn:laneSet id="LS_K">
      <bpmn:lane id="Lane_K1" name="Handläggare" stafett:roleId="role-k1"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="Lane_K2" name="Sjuksköterska" stafett:roleId="role-k2" />
    </bpmn:laneSet>
    ${kommunTasks}
  </bpmn:process>
  <bpmn:process id="P_R">
    <bpmn:laneSet id="LS_R"><bpmn:lane id="Lane_R1" name="Läkare" stafett:roleId="role-r1"><bpmn:flowNodeRef>RT</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    ${regionTasks}
  </bpmn:process>
</bpmn:definitions>`;
}

const resp = (roleId: string, type: string) => `<stafett:responsibility roleId="${roleId}" type="${type}" />`;
const task = (id: string, ...entries: string[]) =>
  `<bpmn:task id="${id}" name="${id} name">${entries.length ? `<bpmn:extensionElements>${entries.join('')}</bpmn:extensionElements>` : ''}</bpmn:task>`;
const ROLES = new Map([
  ['role-k1', 'org-k'],
  ['role-k2', 'org-k'],
  ['role-r1', 'org-r'],
]);

async function findings(xml: string): Promise<Finding[]> {
  const { definitions } = await parseBpmn(xml, 'strict');
  return checkResponsibility(projectResponsibility(definitions), { roleOrganisations: ROLES });
}
const codes = (list: Finding[]) => list.map((f) => `${f.code} ${f.elementId}`).sort();

describe('checkResponsibility', () => {
  it('is quiet for a flow where every activity has R and one A, every role acts, every handover is complete', async () => {
    const xml = flow(
      task('T1', resp('role-k1', 'accountable')) + task('T2', resp('role-k2', 'responsible'), resp('role-k1', 'accountable')),
      task('RT', resp('role-r1', 'accountable')),
      `<bpmn:messageFlow id="M" sourceRef="RT" targetRef="T1"><bpmn:extensionElements><stafett:handoverDetails what="Remiss" timeLimit="Inom 24 timmar" /></bpmn:extensionElements></bpmn:messageFlow>`,
    );
    expect(await findings(xml)).toEqual([]);
  });

  it('NO_RESPONSIBLE: an activity outside any lane with a role and no responsible entry', async () => {
    const xml = flow(task('T1', resp('role-k1', 'accountable')) + task('T2', resp('role-k2', 'accountable')) + task('Loose', resp('role-k1', 'accountable')), task('RT', resp('role-r1', 'accountable')));
    expect(codes(await findings(xml))).toEqual(['NO_RESPONSIBLE Loose']);
  });

  it('ACCOUNTABLE_COUNT: no Accountable, or more than one', async () => {
    const xml = flow(task('T1') + task('T2', resp('role-k2', 'accountable'), resp('role-k1', 'accountable')), task('RT', resp('role-r1', 'accountable')));
    const list = await findings(xml);
    expect(codes(list)).toEqual(['ACCOUNTABLE_COUNT T1', 'ACCOUNTABLE_COUNT T2']);
    expect(list.map((f) => f.count)).toEqual([0, 2]);
  });

  it('ROLE_WITHOUT_ACTIVITY names the lane; a role that is only Consulted or Informed has no activity', async () => {
    const xml = flow(task('T1', resp('role-k1', 'accountable'), resp('role-k2', 'consulted')) + task('T2', resp('role-k1', 'accountable')), task('RT', resp('role-r1', 'accountable')));
    const list = await findings(xml);
    expect(codes(list)).toEqual(['ROLE_WITHOUT_ACTIVITY Lane_K2']);
    expect(list[0]!.roleId).toBe('role-k2');
  });

  it('HANDOVER_WITHOUT_RECEIVER (to a pool, not an activity) and HANDOVER_INCOMPLETE (what or time limit missing)', async () => {
    const xml = flow(
      task('T1', resp('role-k1', 'accountable')) + task('T2', resp('role-k2', 'responsible'), resp('role-k1', 'accountable')),
      task('RT', resp('role-r1', 'accountable')),
      `<bpmn:messageFlow id="M_pool" sourceRef="RT" targetRef="Pool_K"><bpmn:extensionElements><stafett:handoverDetails what="Remiss" timeLimit="1 dag" /></bpmn:extensionElements></bpmn:messageFlow>
       <bpmn:messageFlow id="M_bare" sourceRef="RT" targetRef="T2" />`,
    );
    const list = await findings(xml);
    expect(codes(list)).toEqual(['HANDOVER_INCOMPLETE M_bare', 'HANDOVER_WITHOUT_RECEIVER M_pool']);
    expect(list.find((f) => f.elementId === 'M_bare')!.missing).toEqual(['what', 'timeLimit']);
  });

  it("RESPONSIBLE_OUTSIDE_ORGANISATION: a region role responsible in the kommun's pool", async () => {
    const xml = flow(
      task('T1', resp('role-k1', 'accountable')) + task('T2', resp('role-r1', 'responsible'), resp('role-k2', 'accountable')),
      task('RT', resp('role-r1', 'accountable')),
    );
    const list = await findings(xml);
    expect(codes(list)).toEqual(['RESPONSIBLE_OUTSIDE_ORGANISATION T2']);
    expect(list[0]!.roleId).toBe('role-r1');
  });

  it('finds the one gap the demo flow leaves on purpose', async () => {
    const list = checkResponsibility(projectResponsibility(await demoDefinitions()), { roleOrganisations: DEMO_ROLE_ORGANISATIONS });
    expect(codes(list)).toEqual(['ACCOUNTABLE_COUNT Task_PlaneraKommun']);
  });
});
