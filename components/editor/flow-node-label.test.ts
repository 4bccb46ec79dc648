import { describe, expect, it } from 'vitest';
import { flowNodeLabel, groupByPool } from './flow-node-label';

const node = (id: string, name: string, type: string, poolId = 'P1') => ({ id, name, type, poolId, poolName: poolId });

describe('flowNodeLabel', () => {
  it('uses the name, or the kind and id for an unnamed element', () => {
    const typeName = (key: string) => `<${key}>`;
    expect(flowNodeLabel(node('T1', ' Bedöm behov ', 'bpmn:Task'), typeName)).toBe('Bedöm behov');
    expect(flowNodeLabel(node('S1', '', 'bpmn:StartEvent'), typeName)).toBe('<startEvent> (S1)');
    expect(flowNodeLabel(node('X1', '', 'bpmn:SubProcess'), typeName)).toBe('<other> (X1)');
  });
});

describe('groupByPool', () => {
  it('keeps pools in first-seen order and items in order within a pool', () => {
    const groups = groupByPool([node('a', 'A', 't', 'P2'), node('b', 'B', 't', 'P1'), node('c', 'C', 't', 'P2')]);
    expect(groups.map((g) => [g.poolId, g.items.map((i) => i.id)])).toEqual([
      ['P2', ['a', 'c']],
      ['P1', ['b']],
    ]);
  });
});
