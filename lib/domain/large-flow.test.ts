import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration, describeShapes } from './collaboration';
import { buildLargeFlow } from './large-flow';

const FLOW_TYPES = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:Task',
  'bpmn:ExclusiveGateway',
  'bpmn:IntermediateThrowEvent',
  'bpmn:SequenceFlow',
  'bpmn:MessageFlow',
];

describe('buildLargeFlow', () => {
  it.each([50, 300, 1000])('draws about %i elements in two pools, all with DI, parsing strictly', async (elements) => {
    const xml = await buildLargeFlow({ elements });
    const { definitions, warnings } = await parseBpmn(xml, 'strict');
    expect(warnings).toEqual([]);
    const summary = describeCollaboration(definitions);
    const total = FLOW_TYPES.reduce((sum, t) => sum + (summary.elementCounts[t] ?? 0), 0);
    expect(Math.abs(total - elements)).toBeLessThanOrEqual(Math.max(3, elements * 0.03));
    expect(summary.participants).toHaveLength(2);
    expect(summary.messageFlows.length).toBeGreaterThan(0);
    const shapes = Object.keys(describeShapes(definitions)).length;
    const nodes = total - (summary.elementCounts['bpmn:SequenceFlow'] ?? 0) - summary.messageFlows.length;
    expect(shapes).toBe(nodes + summary.lanes.length + 2);
  });

  it('is deterministic', async () => {
    expect(await buildLargeFlow({ elements: 300 })).toBe(await buildLargeFlow({ elements: 300 }));
  });
});
