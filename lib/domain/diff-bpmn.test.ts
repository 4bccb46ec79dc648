import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { CLEAN_XML } from '@/lib/bpmn/test-fixtures';
import { diffBpmn } from './diff-bpmn';

const parse = async (xml: string) => (await parseBpmn(xml, 'strict')).definitions;

describe('diffBpmn', () => {
  it('finds nothing between a flow and itself', async () => {
    expect(diffBpmn(await parse(CLEAN_XML), await parse(CLEAN_XML))).toEqual({ added: [], removed: [], changed: [], layoutChanged: [], responsibility: [] });
  });

  it('reports a renamed task with its old and new name (not swapped)', async () => {
    const result = diffBpmn(await parse(CLEAN_XML), await parse(CLEAN_XML.replace('name="Åtgärd"', 'name="Ny åtgärd"')));
    expect(result.changed).toEqual([
      { id: 'Task_1', type: 'bpmn:Task', name: 'Ny åtgärd', attributes: [{ name: 'name', oldValue: 'Åtgärd', newValue: 'Ny åtgärd' }] },
    ]);
    expect(result.added).toEqual([]);
    expect(result.layoutChanged).toEqual([]);
  });

  it('reports a moved shape as a layout change only', async () => {
    const result = diffBpmn(await parse(CLEAN_XML), await parse(CLEAN_XML.replace('x="200" y="78"', 'x="260" y="90"')));
    expect(result.layoutChanged).toEqual([{ id: 'Task_1', type: 'bpmn:Task', name: 'Åtgärd' }]);
    expect(result.changed).toEqual([]);
  });

  it('reports added and removed elements with type and name', async () => {
    const withEnd = CLEAN_XML.replace(
      '<bpmn:sequenceFlow',
      '<bpmn:endEvent id="End_1" name="Klart" /><bpmn:sequenceFlow',
    ).replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="End_1_di" bpmnElement="End_1"><dc:Bounds x="400" y="100" width="36" height="36" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>');
    const forward = diffBpmn(await parse(CLEAN_XML), await parse(withEnd));
    expect(forward.added).toEqual([{ id: 'End_1', type: 'bpmn:EndEvent', name: 'Klart' }]);
    expect(forward.removed).toEqual([]);
    const backward = diffBpmn(await parse(withEnd), await parse(CLEAN_XML));
    expect(backward.removed).toEqual([{ id: 'End_1', type: 'bpmn:EndEvent', name: 'Klart' }]);
    expect(backward.added).toEqual([]);
  });

  it('reports a lane re-linked to another role through the stafett extension', async () => {
    const { buildStartingCollaboration } = await import('./starting-collaboration');
    const input = {
      flowName: 'F',
      ownerOrganisationId: 'k',
      organisations: [{ id: 'k', name: 'Kommunen', colour: '#0f766e', roles: [{ id: 'r1', name: 'Handläggare' }] }],
    };
    const before = await buildStartingCollaboration(input);
    const after = before.replace('stafett:roleId="r1"', 'stafett:roleId="r2"');
    const result = diffBpmn(await parse(before), await parse(after));
    expect(result.changed).toEqual([
      { id: 'Lane_1_1', type: 'bpmn:Lane', name: 'Handläggare', attributes: [{ name: 'roleId', oldValue: 'r1', newValue: 'r2' }] },
    ]);
  });
});

describe('diffBpmn context of unnamed elements', () => {
  const pooled = (extra: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://example.com">
  <bpmn:collaboration id="C"><bpmn:participant id="P" name="Kommunen" processRef="Process_ba16239e" /></bpmn:collaboration>
  <bpmn:process id="Process_ba16239e">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" name="Läkare"><bpmn:flowNodeRef>A</bpmn:flowNodeRef><bpmn:flowNodeRef>B</bpmn:flowNodeRef>${extra ? '<bpmn:flowNodeRef>Gateway_SIPJoin</bpmn:flowNodeRef>' : ''}</bpmn:lane></bpmn:laneSet>
    <bpmn:task id="A" name="Bedöm" /><bpmn:task id="B" name="Planera" />
    ${extra}
  </bpmn:process>
</bpmn:definitions>`;

  it('places an unnamed step by its lane and pool, and an unnamed flow by the steps it joins', async () => {
    const before = await parse(pooled(''));
    const after = await parse(pooled('<bpmn:exclusiveGateway id="Gateway_SIPJoin" /><bpmn:sequenceFlow id="Flow_19ikc6i" sourceRef="A" targetRef="B" />'));
    const { added } = diffBpmn(before, after);
    expect(added).toEqual([
      { id: 'Flow_19ikc6i', type: 'bpmn:SequenceFlow', context: { pool: 'Kommunen', from: 'Bedöm', to: 'Planera' } },
      { id: 'Gateway_SIPJoin', type: 'bpmn:ExclusiveGateway', context: { lane: 'Läkare', pool: 'Kommunen' } },
    ]);
  });
});
