import { describe, expect, it } from 'vitest';
import { childrenOf, refOf } from './elements';
import { parseBpmn } from './parse-bpmn';
import { toXml } from './serialise';
import { BPMN_NS } from './test-fixtures';

const LINKED_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NS} xmlns:stafett="http://stafett.se/schema/bpmn/1.0" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" id="D" targetNamespace="http://example.com">
  <bpmn:collaboration id="Collab">
    <bpmn:participant id="Pool_K" name="Kommunen" processRef="Proc_K" stafett:organisationId="org-k" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_K" isExecutable="false">
    <bpmn:laneSet id="LaneSet_K">
      <bpmn:lane id="Lane_B" name="Biståndshandläggare" stafett:roleId="role-b" />
    </bpmn:laneSet>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Collab">
      <bpmndi:BPMNShape id="Pool_K_di" bpmnElement="Pool_K" isHorizontal="true" bioc:stroke="#1d4ed8" bioc:fill="#dbeafe" color:background-color="#dbeafe" color:border-color="#1d4ed8">
        <dc:Bounds x="0" y="0" width="1000" height="150" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_B_di" bpmnElement="Lane_B" isHorizontal="true"><dc:Bounds x="30" y="0" width="970" height="150" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

async function roundTrip(xml: string): Promise<string> {
  const first = await parseBpmn(xml, 'strict');
  return toXml(first.definitions);
}

describe('the stafett moddle extension', () => {
  it('keeps organisationId on participants and roleId on lanes through parse → toXml → parse', async () => {
    const xml = await roundTrip(await roundTrip(LINKED_XML));
    const { definitions, warnings } = await parseBpmn(xml, 'strict');
    expect(warnings).toEqual([]);
    const [collaboration, process] = childrenOf(definitions, 'rootElements');
    const participant = childrenOf(collaboration!, 'participants')[0]!;
    expect(participant.get('stafett:organisationId')).toBe('org-k');
    const lane = childrenOf(childrenOf(process!, 'laneSets')[0]!, 'lanes')[0]!;
    expect(lane.get('stafett:roleId')).toBe('role-b');
  });

  it('writes our attributes in our own namespace, declared once on <bpmn:definitions>', async () => {
    const xml = await roundTrip(LINKED_XML);
    const root = /<bpmn:definitions[^>]*>/.exec(xml)?.[0] ?? '';
    expect(root).toContain('xmlns:stafett="http://stafett.se/schema/bpmn/1.0"');
    expect(xml).toContain('stafett:organisationId="org-k"');
    expect(xml).toContain('stafett:roleId="role-b"');
    expect(xml.match(/xmlns:stafett=/g)).toHaveLength(1);
  });

  it('keeps bpmn.io and OMG colour attributes on DI shapes', async () => {
    const { definitions } = await parseBpmn(await roundTrip(LINKED_XML), 'strict');
    const plane = refOf(childrenOf(definitions, 'diagrams')[0]!, 'plane')!;
    const poolShape = childrenOf(plane, 'planeElement')[0]!;
    expect(poolShape.get('bioc:fill')).toBe('#dbeafe');
    expect(poolShape.get('bioc:stroke')).toBe('#1d4ed8');
    expect(poolShape.get('color:background-color')).toBe('#dbeafe');
    expect(poolShape.get('color:border-color')).toBe('#1d4ed8');
  });
});
