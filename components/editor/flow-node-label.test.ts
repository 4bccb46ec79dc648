import { describe, expect, it } from 'vitest';
import { flowNodeLabel, groupByPool } from './flow-node-label';

const node = (id: string, name: string, type: string, poolId = 'P1') => ({ id, name, type, poolId, poolName: poolId });

describe('flowNodeLabel', () => {
  const words = { typeName: (key: string) => `<${key}>`, inLane: ({ type, lane }: { type: string; lane: string }) => `${type} i ${lane}` };
  it('uses the name, or the kind and lane of an unnamed element, never its id', () => {
    expect(flowNodeLabel(node('T1', ' Bedöm behov ', 'bpmn:Task'), words)).toBe('Bedöm behov');
    expect(flowNodeLabel({ ...node('Gateway_SIPJoin', '', 'bpmn:ExclusiveGateway'), laneName: 'Läkare' }, words)).toBe('<exclusiveGateway> i Läkare');
    expect(flowNodeLabel(node('X1', '', 'bpmn:SubProcess'), words)).toBe('<other>');
  });
  it('numbers unnamed elements of one kind in one lane from the left', () => {
    const all = [
      { ...node('G1', '', 'bpmn:ExclusiveGateway'), laneName: 'Läkare' },
      { ...node('G2', '', 'bpmn:ExclusiveGateway'), laneName: 'Läkare' },
      { ...node('G3', '', 'bpmn:ExclusiveGateway'), laneName: 'Sjuksköterska' },
    ];
    expect(all.map((n) => flowNodeLabel(n, words, all))).toEqual([
      '<exclusiveGateway> 1 i Läkare',
      '<exclusiveGateway> 2 i Läkare',
      '<exclusiveGateway> i Sjuksköterska',
    ]);
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
