import type { RecordState } from '@/lib/domain/records/record-state';
import type { Fields, Json, Op } from '@/lib/domain/records/types';
import type { Bounds } from '../collaboration';
import { comparePositions } from './flow-order';

// The responsibility projection reads the diagram's layout in one place only: flow order breaks ties
// between flow nodes by where their shapes stand (comparePositions). A change that only moves shapes
// or reroutes edges therefore leaves the projection exactly as it was, unless a moved flow node now
// compares differently with another one. That can be decided from the shapes' records alone, without
// building the moddle tree a full projection needs (most of a move's commit time on a large flow).

const DRAWN = new Set(['bpmndi:BPMNShape', 'bpmndi:BPMNEdge']);
/** What a diagram element draws, and where it stands (tree.ts keeps moddle's namespaced names). */
const ELEMENT = 'r:bpmndi:bpmnElement';
const BOUNDS = 'b:di:bounds';

type Shape = { elementId: string; before: Bounds; after: Bounds };

/**
 * True when `after`'s projection is `before`'s: every op patches a diagram shape or edge without
 * touching what it draws, where it is contained or any other reference (so: bounds, waypoints, label,
 * colours), and each flow node whose shape moved orders against every other flow node's shape as it
 * did. False means "compute it again", never "it changed". `isFlowNode` tells a BPMN type's place in
 * the type hierarchy, which moddle knows and this pure module does not.
 */
export function layoutKeepsProjection(before: RecordState, after: RecordState, ops: readonly Op[], isFlowNode: (type: string) => boolean): boolean {
  const movedShapeIds = new Set<string>();
  for (const op of ops) {
    if (op.op !== 'patch' || !DRAWN.has(before.byId.get(op.id)?.type ?? '')) return false;
    for (const key of Object.keys(op.fields)) {
      if (key.startsWith('@') || key.startsWith('r:')) return false;
      if (key === BOUNDS) movedShapeIds.add(op.id);
    }
  }
  if (movedShapeIds.size === 0) return true;

  // Every record that places a flow node (moddle reads bounds from any diagram element naming one).
  const shapes = new Map<string, Shape>();
  const boundedShapesOf = new Map<string, number>();
  for (const record of after.byId.values()) {
    const elementId = record.fields[ELEMENT];
    if (typeof elementId !== 'string') continue;
    const type = after.byId.get(elementId)?.type;
    if (!type || !isFlowNode(type)) continue;
    const previous = before.byId.get(record.id)?.fields ?? {};
    if (!(BOUNDS in record.fields) && !(BOUNDS in previous)) continue;
    const was = boundsOf(previous);
    const is = boundsOf(record.fields);
    // Bounds that are missing on one side or not plain numbers: the tree's reading is not worth mirroring.
    if (!was || !is) return false;
    shapes.set(record.id, { elementId, before: was, after: is });
    boundedShapesOf.set(elementId, (boundedShapesOf.get(elementId) ?? 0) + 1);
  }

  for (const shapeId of movedShapeIds) {
    const moved = shapes.get(shapeId);
    if (!moved || samePosition(moved.before, moved.after)) continue; // not a flow node's, or its centre and top stayed
    // With a second shape, which one the projection reads depends on document order: not worth deciding.
    if (boundedShapesOf.get(moved.elementId) !== 1) return false;
    for (const [otherId, other] of shapes) {
      if (otherId === shapeId) continue;
      const was = Math.sign(comparePositions(moved.elementId, moved.before, other.elementId, other.before));
      const is = Math.sign(comparePositions(moved.elementId, moved.after, other.elementId, other.after));
      if (was !== is) return false;
    }
  }
  return true;
}

/** The position comparePositions reads: the centre's x, and the top. */
function samePosition(a: Bounds, b: Bounds): boolean {
  return a.x + a.width / 2 === b.x + b.width / 2 && a.y === b.y;
}

function boundsOf(fields: Fields): Bounds | null {
  const tree = fields[BOUNDS];
  if (!isObject(tree) || tree.$type !== 'dc:Bounds') return null;
  const { 'dc:x': x, 'dc:y': y, 'dc:width': width, 'dc:height': height } = tree;
  if (!isNumber(x) || !isNumber(y) || !isNumber(width)) return null;
  return { x, y, width, height: isNumber(height) ? height : 0 };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: Json | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
