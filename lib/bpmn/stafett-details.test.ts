import { describe, expect, it } from 'vitest';
import { childrenOf } from './elements';
import { createModdle } from './moddle';
import { parseBpmn } from './parse-bpmn';
import { toXml } from './serialise';
import {
  handoverDetailsOf,
  responsibilitiesOf,
  stepDetailsOf,
  valuesWithHandoverDetails,
  valuesWithResponsibilities,
  valuesWithStepDetails,
} from './stafett-details';
import { BPMN_NS } from './test-fixtures';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${BPMN_NS} xmlns:stafett="http://stafett.se/schema/bpmn/1.0" xmlns:other="http://example.com/other" id="D" targetNamespace="http://example.com">
  <bpmn:process id="P">
    <bpmn:task id="T">
      <bpmn:extensionElements>
        <other:thing a="1" />
        <stafett:responsibility roleId="role-a" type="accountable" />
        <stafett:responsibility roleId="role-c" type="consulted" />
        <stafett:responsibility roleId="role-x" type="boss" />
        <stafett:stepDetails touchpoint="true" journeyPhase="during" timeLimit="Inom 24 timmar" legalBasis="lag (2017:612)" itSystem="Lifecare SP" why="Så att …" valueClass="value" />
      </bpmn:extensionElements>
    </bpmn:task>
  </bpmn:process>
</bpmn:definitions>`;

describe('the stafett step extension', () => {
  it('reads responsibilities (skipping unknown types) and step details', async () => {
    const { definitions } = await parseBpmn(XML, 'strict');
    const task = childrenOf(childrenOf(definitions, 'rootElements')[0]!, 'flowElements')[0]!;
    expect(responsibilitiesOf(task)).toEqual([
      { roleId: 'role-a', type: 'accountable' },
      { roleId: 'role-c', type: 'consulted' },
    ]);
    expect(stepDetailsOf(task)).toEqual({
      touchpoint: true,
      journeyPhase: 'during',
      timeLimit: 'Inom 24 timmar',
      legalBasis: 'lag (2017:612)',
      itSystem: 'Lifecare SP',
      why: 'Så att …',
      valueClass: 'value',
    });
  });

  it('writes the Contract shape, keeps foreign extensions, and survives a round trip', async () => {
    const { definitions } = await parseBpmn(XML, 'strict');
    const moddle = createModdle();
    const create = (type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs);
    const task = childrenOf(childrenOf(definitions, 'rootElements')[0]!, 'flowElements')[0]!;
    const extensions = task.get('extensionElements') as { get(p: string): unknown; set(p: string, v: unknown): void };
    let values = valuesWithResponsibilities(childrenOf(task.get('extensionElements') as never, 'values'), [{ roleId: 'role-r', type: 'responsible' }], create);
    values = valuesWithStepDetails(values, { touchpoint: false, journeyPhase: 'after' }, create);
    values = valuesWithHandoverDetails(values, { what: 'Remiss', timeLimit: ' ' }, create);
    extensions.set('values', values);
    const xml = await toXml(definitions);
    expect(xml).toContain('<stafett:responsibility roleId="role-r" type="responsible" />');
    expect(xml).toContain('<stafett:stepDetails journeyPhase="after" />');
    expect(xml).toContain('<stafett:handoverDetails what="Remiss" />');
    expect(xml).toContain('<other:thing a="1" />');
    const again = childrenOf(childrenOf((await parseBpmn(xml, 'strict')).definitions, 'rootElements')[0]!, 'flowElements')[0]!;
    expect(responsibilitiesOf(again)).toEqual([{ roleId: 'role-r', type: 'responsible' }]);
    expect(stepDetailsOf(again)).toEqual({ touchpoint: false, journeyPhase: 'after' });
    expect(handoverDetailsOf(again)).toEqual({ what: 'Remiss' });
  });
});
