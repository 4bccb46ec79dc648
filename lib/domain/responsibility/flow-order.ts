import type { ModdleElement } from 'bpmn-moddle';
import { is, refOf } from '@/lib/bpmn/elements';
import type { Bounds } from '../collaboration';
import type { FlowModel } from './flow-model';

/**
 * Flow nodes in the order the work happens: along sequence and message flows from the start events,
 * a node after everything that leads to it; where that leaves a choice, the leftmost (then topmost)
 * first. A loop's edge back to an earlier node is ignored, and nodes no start event reaches come last,
 * left to right.
 */
export function flowOrder(model: FlowModel): string[] {
  const successors = new Map<string, string[]>();
  const edge = (flow: ModdleElement) => {
    const from = refOf(flow, 'sourceRef')?.id;
    const to = refOf(flow, 'targetRef')?.id;
    if (!from || !to || !model.nodes.has(from) || !model.nodes.has(to)) return;
    (successors.get(from) ?? successors.set(from, []).get(from)!).push(to);
  };
  model.sequenceFlows.forEach(edge);
  model.messageFlows.forEach(edge);

  const byPosition = (a: string, b: string) => comparePositions(a, model.nodes.get(a)?.bounds, b, model.nodes.get(b)?.bounds);
  const receivesMessage = new Set(model.messageFlows.map((m) => refOf(m, 'targetRef')?.id).filter((id): id is string => Boolean(id)));
  const starts = [...model.nodes.values()].filter((n) => is(n.element, 'bpmn:StartEvent') && !n.element.$parent?.$instanceOf('bpmn:SubProcess'));
  // A start event triggered by another pool's message is not where the work begins: it follows its sender.
  const roots = (starts.some((s) => !receivesMessage.has(s.element.id!)) ? starts.filter((s) => !receivesMessage.has(s.element.id!)) : starts)
    .map((s) => s.element.id!)
    .sort(byPosition);

  const forward = withoutBackEdges(roots, successors, byPosition);
  const order: string[] = [];
  const placed = new Set<string>();
  const pending = new Map<string, number>();
  for (const targets of forward.values()) for (const t of targets) pending.set(t, (pending.get(t) ?? 0) + 1);
  const ready = roots.filter((id) => !pending.get(id));
  while (ready.length > 0) {
    ready.sort(byPosition);
    const id = ready.shift()!;
    if (placed.has(id)) continue;
    placed.add(id);
    order.push(id);
    for (const next of forward.get(id) ?? []) {
      const left = (pending.get(next) ?? 0) - 1;
      pending.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  const rest = [...model.nodes.keys()].filter((id) => !placed.has(id)).sort(byPosition);
  return [...order, ...rest];
}

/** The edges reachable from the roots, minus those that close a loop (found by depth-first search). */
function withoutBackEdges(roots: string[], successors: Map<string, string[]>, byPosition: (a: string, b: string) => number): Map<string, string[]> {
  const forward = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: { id: string; next: string[] }[] = [{ id: root, next: [...(successors.get(root) ?? [])].sort(byPosition) }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const to = top.next.shift();
      if (to === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      if (state.get(to) === 'open') continue; // back edge: a loop
      (forward.get(top.id) ?? forward.set(top.id, []).get(top.id)!).push(to);
      if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ id: to, next: [...(successors.get(to) ?? [])].sort(byPosition) });
      }
    }
  }
  return forward;
}

/**
 * Where flow order breaks a tie between two nodes: left to right by the centre, then top to bottom, then
 * by id; a node without a shape comes after every node with one. The only way the layout reaches the
 * responsibility projection (see layout-change.ts).
 */
export function comparePositions(a: string, boxA: Bounds | undefined, b: string, boxB: Bounds | undefined): number {
  const ax = boxA ? boxA.x + boxA.width / 2 : Number.POSITIVE_INFINITY;
  const bx = boxB ? boxB.x + boxB.width / 2 : Number.POSITIVE_INFINITY;
  if (ax !== bx) return ax - bx;
  const ay = boxA?.y ?? 0;
  const by = boxB?.y ?? 0;
  if (ay !== by) return ay - by;
  return a.localeCompare(b);
}
