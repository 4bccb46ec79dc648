import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { BPMN_NS } from '@/lib/bpmn/test-fixtures';
import { describeCollaboration, describeShapes, listElementIds } from './collaboration';

const XML = `<bpmn:definitions ${BPMN_NS} xmlns:stafett="http://stafett.se/schema/bpmn/1.0" id="D" targetNamespace="x">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P1" name="Regionen" processRef="Proc1" stafett:organisationId="org-r" />
    <bpmn:participant id="P2" name="Patienten" />
    <bpmn:messageFlow id="M1" name="Kallelse" sourceRef="T1" targetRef="P2" />
  </bpmn:collaboration>
  <bpmn:process id="Proc1">
    <bpmn:laneSet id="LS1">
      <bpmn:lane id="L1" name="Slutenvården">
        <bpmn:childLaneSet id="LS2">
          <bpmn:lane id="L1a" name="Läkare" stafett:roleId="role-l"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane>
        </bpmn:childLaneSet>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="T1" name="Kalla" />
    <bpmn:subProcess id="S1"><bpmn:task id="T2" /></bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('describeCollaboration', () => {
  it('lists pools with their organisation, nested lanes with role and pool, and handovers', async () => {
    const { definitions } = await parseBpmn(XML, 'lenient');
    const summary = describeCollaboration(definitions);
    expect(summary.participants).toEqual([
      { id: 'P1', name: 'Regionen', organisationId: 'org-r', processId: 'Proc1' },
      { id: 'P2', name: 'Patienten' },
    ]);
    expect(summary.lanes).toEqual([
      { id: 'L1', name: 'Slutenvården', participantId: 'P1' },
      { id: 'L1a', name: 'Läkare', roleId: 'role-l', participantId: 'P1' },
    ]);
    expect(summary.messageFlows).toEqual([{ id: 'M1', name: 'Kallelse', sourceRef: 'T1', targetRef: 'P2' }]);
    expect(summary.elementCounts['bpmn:Task']).toBe(2); // one of them inside the sub-process
    expect(summary.elementCounts['bpmn:Lane']).toBe(2);
    expect(summary.hasDiagram).toBe(false);
    expect(listElementIds(definitions)['bpmn:Task']).toEqual(['T1', 'T2']);
    expect(describeShapes(definitions)).toEqual({});
  });
});
