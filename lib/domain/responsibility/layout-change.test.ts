import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFlowNodeType } from '@/lib/bpmn/known-types';
import { definitionsOf, recordStateOf } from '@/lib/bpmn/records';
import { applyOps, type RecordState } from '@/lib/domain/records/record-state';
import type { Json, Op } from '@/lib/domain/records/types';
import { demoDefinitions } from './demo-fixture';
import { layoutKeepsProjection } from './layout-change';
import { projectResponsibility } from './raci';

let demo: RecordState;
beforeAll(async () => {
  demo = recordStateOf(await demoDefinitions());
});

const keeps = (ops: Op[]) => layoutKeepsProjection(demo, applyOps(demo, ops), ops, isFlowNodeType);
const boundsOf = (shapeId: string) => demo.byId.get(shapeId)!.fields['b:di:bounds'] as Record<string, number>;
const moveTo = (shapeId: string, x: number, y: number): Op => ({
  op: 'patch',
  id: shapeId,
  fields: { 'b:di:bounds': { ...boundsOf(shapeId), 'dc:x': x, 'dc:y': y } },
});
const nudge = (shapeId: string, dx: number, dy = 0): Op => moveTo(shapeId, boundsOf(shapeId)['dc:x']! + dx, boundsOf(shapeId)['dc:y']! + dy);

/** Flow-node shapes of the demo flow, left to right. */
function nodeShapes(): string[] {
  return [...demo.byId.values()]
    .filter((r) => r.type === 'bpmndi:BPMNShape' && isFlowNodeType(demo.byId.get(r.fields['r:bpmndi:bpmnElement'] as string)?.type ?? ''))
    .sort((a, b) => (a.fields['b:di:bounds'] as Record<string, number>)['dc:x']! - (b.fields['b:di:bounds'] as Record<string, number>)['dc:x']!)
    .map((r) => r.id);
}

describe('layoutKeepsProjection', () => {
  it('keeps the projection when a step moves a little, staying between its neighbours', () => {
    expect(keeps([nudge('Task_BedomaBehov_di', 3, 5)])).toBe(true);
  });

  it('keeps it when any step moves up or down a little, where no tie is broken', () => {
    expect(nodeShapes().filter((shape) => !keeps([nudge(shape, 0, 5)]))).toEqual([]);
  });

  it('computes again when a step moves sideways out of a column it shares (the tie was broken by height)', () => {
    const shapes = nodeShapes();
    const centre = (id: string) => boundsOf(id)['dc:x']! + boundsOf(id)['dc:width']! / 2;
    const shared = shapes.find((a) => shapes.some((b) => b !== a && centre(b) === centre(a)))!;
    expect(keeps([nudge(shared, 2)])).toBe(false);
  });

  it('keeps it when a pool or lane is resized and when an edge is rerouted: flow order reads only flow nodes', () => {
    const pool = [...demo.byId.values()].find((r) => r.type === 'bpmndi:BPMNShape' && demo.byId.get(r.fields['r:bpmndi:bpmnElement'] as string)?.type === 'bpmn:Participant')!;
    const edge = [...demo.byId.values()].find((r) => r.type === 'bpmndi:BPMNEdge')!;
    const waypoints: Json = [{ $type: 'dc:Point', 'dc:x': 1, 'dc:y': 2 }, { $type: 'dc:Point', 'dc:x': 3, 'dc:y': 4 }];
    expect(keeps([moveTo(pool.id, -500, -500), { op: 'patch', id: edge.id, fields: { 'b:di:waypoint': waypoints } }])).toBe(true);
  });

  it('computes again when a step passes another one: the order may change', () => {
    const [first, second] = nodeShapes();
    const target = boundsOf(second!);
    expect(keeps([moveTo(first!, target['dc:x']! + 50, target['dc:y']!)])).toBe(false);
  });

  it('computes again for anything that is not layout: a name, a lane, what a shape draws, a new shape', () => {
    expect(keeps([{ op: 'patch', id: 'Task_BedomaBehov', fields: { 'a:bpmn:name': 'Ny' } }])).toBe(false);
    expect(keeps([{ op: 'patch', id: 'Task_BedomaBehov_di', fields: { 'r:bpmndi:bpmnElement': 'Task_KallaSIP' } }])).toBe(false);
    expect(keeps([{ op: 'patch', id: 'Task_BedomaBehov_di', fields: { '@parent': 'Task_BedomaBehov_di' } }])).toBe(false);
    expect(keeps([{ op: 'remove', id: 'Task_BedomaBehov_di' }])).toBe(false);
    expect(keeps([{ op: 'patch', id: 'Task_BedomaBehov_di', fields: { 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': '10', 'dc:y': 1, 'dc:width': 1, 'dc:height': 1 } } }])).toBe(false);
  });

  it('never keeps a projection that a full computation would change (random moves of several shapes)', () => {
    const shapes = nodeShapes();
    const move = fc.record({ shape: fc.nat(shapes.length - 1), near: fc.nat(shapes.length - 1), dx: fc.integer({ min: -80, max: 80 }), dy: fc.integer({ min: -80, max: 80 }) });
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 3 }), (moves) => {
        const ops = moves.map(({ shape, near, dx, dy }) => {
          const anchor = boundsOf(shapes[near]!);
          // Half the time next to another shape (ties and passes), else a nudge where it is.
          return near % 2 ? moveTo(shapes[shape]!, anchor['dc:x']! + dx, anchor['dc:y']! + dy) : nudge(shapes[shape]!, dx % 20, dy % 20);
        });
        const after = applyOps(demo, ops);
        if (!layoutKeepsProjection(demo, after, ops, isFlowNodeType)) return;
        expect(projectResponsibility(definitionsOf(after))).toEqual(projectResponsibility(definitionsOf(demo)));
      }),
      { numRuns: 200 },
    );
  });
});
