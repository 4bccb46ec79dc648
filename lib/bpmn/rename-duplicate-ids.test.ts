import { describe, expect, it } from 'vitest';
import { renameDuplicateIds } from './rename-duplicate-ids';

const NS = 'xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:v="urn:vendor"';

describe('renameDuplicateIds', () => {
  it('leaves a file without duplicates exactly as it was', () => {
    const xml = `<bpmn2:definitions ${NS} id="x"><bpmn2:task id="y"/></bpmn2:definitions>`;
    expect(renameDuplicateIds(xml)).toEqual({ text: xml, warnings: [] });
  });

  it('renames later copies and pairs diagram shapes with the copy of the same rank', () => {
    const xml = [
      `<bpmn2:definitions ${NS}><bpmn2:task id="T"/><bpmn2:task id='T' name="second"/><bpmn2:task id="T_2"/>`,
      '<bpmndi:BPMNShape id="S1" bpmnElement="T"/><bpmndi:BPMNShape id="S2" bpmnElement="bpmn2:T"/><bpmndi:BPMNShape id="S3" bpmnElement="T_2"/>',
    ].join('');
    const { text, warnings } = renameDuplicateIds(xml);
    expect(text).toBe(
      [
        `<bpmn2:definitions ${NS}><bpmn2:task id="T"/><bpmn2:task id='T_2_2' name="second"/><bpmn2:task id="T_2"/>`,
        '<bpmndi:BPMNShape id="S1" bpmnElement="T"/><bpmndi:BPMNShape id="S2" bpmnElement="T_2_2"/><bpmndi:BPMNShape id="S3" bpmnElement="T_2"/>',
      ].join(''),
    );
    expect(warnings).toMatchObject([{ code: 'DUPLICATE_ID', elementId: 'T_2_2' }]);
  });

  it('does not touch ids quoted in comments, CDATA or text, nor other attributes, nor vendor elements', () => {
    const xml = `<bpmn2:definitions ${NS}><bpmn2:task id="x"/><!-- <bpmn2:task id="x"/> --><bpmn2:documentation><![CDATA[<bpmn2:task id="x"/>]]></bpmn2:documentation><bpmn2:task id="y" name='id="x"'>id="x"</bpmn2:task><v:target id="x"/><Grid xmlns="urn:other" id="x"/></bpmn2:definitions>`;
    expect(renameDuplicateIds(xml)).toEqual({ text: xml, warnings: [] });
  });

  it('reads the default namespace and an element’s own declaration', () => {
    const xml = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><task id="a"/><task id="a"/><v:x xmlns:v="urn:v" id="a"/></definitions>';
    expect(renameDuplicateIds(xml).text).toBe('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><task id="a"/><task id="a_2"/><v:x xmlns:v="urn:v" id="a"/></definitions>');
  });
});
