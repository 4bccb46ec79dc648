import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf } from '@/lib/bpmn/elements';
import { organisationIdOf } from '@/lib/bpmn/stafett-details';
import { readFlowModel, type FlowModel, type NodePlace } from '../responsibility/flow-model';

// The order in which a facilitator walks a flow in a workshop (issue 13): from the start event along
// the sequence flows, across each message flow into the other pool (the handover is a step of its
// own), the steps of a gateway's branches right after the gateway, each branch whole before the next,
// and a loop's way back left out, so nothing is shown twice.

/** One end of a handover: the flow node (or pool) it leaves or reaches. */
export type StepEnd = { elementId?: string; participantId?: string; organisationId?: string; laneId?: string; laneRoleId?: string };

/** A way out of a gateway the facilitator may choose; `exclusive` are the steps only this way reaches. */
export type Branch = { sequenceFlowId: string; name: string; targetId: string; exclusive: number[] };

export type WalkthroughStep = {
  elementId: string;
  name: string;
  /** The BPMN type without prefix: startEvent, task, exclusiveGateway … messageFlow. */
  kind: string;
  organisationId?: string;
  participantId?: string;
  laneId?: string;
  laneRoleId?: string;
  /** A handover's sending and receiving ends (kind messageFlow only). */
  from?: StepEnd;
  to?: StepEnd;
  /** A gateway with more than one way forward. */
  branches?: Branch[];
};

type Edge = { to: string; via?: string; rank: number };

// Which successor is walked first: what happens inside a sub-process, then the baton across to the
// other pool, then the sequence flows, then a boundary event's exception path.
const RANK_INNER = 0;
const RANK_MESSAGE = 1;
const RANK_SEQUENCE = 2;
const RANK_BOUNDARY = 3;

export function walkthroughOf(definitions: ModdleElement): WalkthroughStep[] {
  return walkthroughOfModel(readFlowModel(definitions));
}

export function walkthroughOfModel(model: FlowModel): WalkthroughStep[] {
  const graph = buildGraph(model);
  const byPosition = (a: string, b: string) => comparePosition(graph.position, a, b);
  const roots = rootsOf(model, graph).sort(byPosition);
  const forward = withoutBackEdges(graph, roots, byPosition);
  const order = stackOrder(graph, forward, roots, byPosition);
  const index = new Map(order.map((id, i) => [id, i]));
  return order.map((id) => stepOf(model, graph, forward, roots, index, id));
}

type Graph = {
  ids: string[];
  edges: Map<string, Edge[]>;
  messageFlows: Map<string, ModdleElement>;
  position: Map<string, { x: number; y: number } | undefined>;
};

function buildGraph(model: FlowModel): Graph {
  const edges = new Map<string, Edge[]>();
  const position = new Map<string, { x: number; y: number } | undefined>();
  const add = (from: string, edge: Edge) => (edges.get(from) ?? edges.set(from, []).get(from)!).push(edge);
  for (const [id, place] of model.nodes) {
    position.set(id, place.bounds ? { x: place.bounds.x + place.bounds.width / 2, y: place.bounds.y } : undefined);
    if (is(place.element, 'bpmn:SubProcess')) {
      for (const child of childrenOf(place.element, 'flowElements')) {
        if (is(child, 'bpmn:StartEvent') && child.id && model.nodes.has(child.id)) add(id, { to: child.id, rank: RANK_INNER });
      }
    }
    const host = is(place.element, 'bpmn:BoundaryEvent') ? refOf(place.element, 'attachedToRef')?.id : undefined;
    if (host && model.nodes.has(host)) add(host, { to: id, rank: RANK_BOUNDARY });
  }
  for (const flow of model.sequenceFlows) {
    const from = refOf(flow, 'sourceRef')?.id;
    const to = refOf(flow, 'targetRef')?.id;
    if (from && to && model.nodes.has(from) && model.nodes.has(to)) add(from, { to, via: flow.id, rank: RANK_SEQUENCE });
  }
  // A handover is a node of its own between its two ends, so it is a step between sender and receiver.
  const messageFlows = new Map<string, ModdleElement>();
  for (const flow of model.messageFlows) {
    if (!flow.id || model.nodes.has(flow.id)) continue;
    messageFlows.set(flow.id, flow);
    const from = refOf(flow, 'sourceRef')?.id;
    const to = refOf(flow, 'targetRef')?.id;
    const fromPos = from ? position.get(from) : undefined;
    position.set(flow.id, fromPos ? { x: fromPos.x + 0.5, y: fromPos.y } : to ? position.get(to) : undefined);
    if (from && model.nodes.has(from)) add(from, { to: flow.id, rank: RANK_MESSAGE });
    if (to && model.nodes.has(to)) add(flow.id, { to, rank: RANK_MESSAGE });
  }
  return { ids: [...model.nodes.keys(), ...messageFlows.keys()], edges, messageFlows, position };
}

/** Start events outside sub-processes; one that another pool's message triggers follows its sender instead. */
function rootsOf(model: FlowModel, graph: Graph): string[] {
  const hasIncoming = new Set<string>();
  for (const list of graph.edges.values()) for (const e of list) hasIncoming.add(e.to);
  const starts = [...model.nodes.values()]
    .filter((n) => is(n.element, 'bpmn:StartEvent') && !is(n.element.$parent, 'bpmn:SubProcess'))
    .map((n) => n.element.id!);
  const free = starts.filter((id) => !hasIncoming.has(id));
  return free.length > 0 ? free : starts;
}

function orderedEdges(graph: Graph, id: string, byPosition: (a: string, b: string) => number): Edge[] {
  return [...(graph.edges.get(id) ?? [])].sort((a, b) => a.rank - b.rank || byPosition(a.to, b.to));
}

/**
 * The edges minus those that close a loop, by depth-first search from the roots and then from whatever
 * they do not reach (left to right), so every node is in the search and what remains has no cycle.
 */
function withoutBackEdges(graph: Graph, roots: string[], byPosition: (a: string, b: string) => number): Map<string, Edge[]> {
  const forward = new Map<string, Edge[]>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (root: string) => {
    if (state.has(root)) return;
    const stack: { id: string; next: Edge[] }[] = [{ id: root, next: orderedEdges(graph, root, byPosition) }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = top.next.shift();
      if (!edge) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      if (state.get(edge.to) === 'open') continue; // the way back of a loop
      (forward.get(top.id) ?? forward.set(top.id, []).get(top.id)!).push(edge);
      if (!state.has(edge.to)) {
        state.set(edge.to, 'open');
        stack.push({ id: edge.to, next: orderedEdges(graph, edge.to, byPosition) });
      }
    }
  };
  roots.forEach(visit);
  [...graph.ids].sort(byPosition).forEach(visit);
  return forward;
}

/**
 * A topological order that goes deep: the step placed last hands on to its own successors first, so a
 * branch is walked whole before its sibling, and a step waits until everything leading to it is shown.
 */
function stackOrder(graph: Graph, forward: Map<string, Edge[]>, roots: string[], byPosition: (a: string, b: string) => number): string[] {
  const pending = new Map<string, number>();
  for (const list of forward.values()) for (const e of list) pending.set(e.to, (pending.get(e.to) ?? 0) + 1);
  const placed = new Set<string>();
  const order: string[] = [];
  const stack = roots.filter((id) => !pending.get(id)).reverse();
  const rest = [...graph.ids].sort(byPosition);
  while (order.length < graph.ids.length) {
    if (stack.length === 0) {
      const next = rest.find((id) => !placed.has(id) && !pending.get(id));
      if (!next) break; // cannot happen: without back edges some unplaced node is always free
      stack.push(next);
    }
    const id = stack.pop()!;
    if (placed.has(id)) continue;
    placed.add(id);
    order.push(id);
    const freed: string[] = [];
    for (const edge of forward.get(id) ?? []) {
      const left = (pending.get(edge.to) ?? 0) - 1;
      pending.set(edge.to, left);
      if (left === 0) freed.push(edge.to);
    }
    // The first-ranked successor ends on top of the stack.
    for (let i = freed.length - 1; i >= 0; i--) stack.push(freed[i]!);
  }
  return order;
}

function stepOf(
  model: FlowModel,
  graph: Graph,
  forward: Map<string, Edge[]>,
  roots: string[],
  index: Map<string, number>,
  id: string,
): WalkthroughStep {
  const flow = graph.messageFlows.get(id);
  if (flow) {
    const from = endOf(model, refOf(flow, 'sourceRef'));
    const to = endOf(model, refOf(flow, 'targetRef'));
    return {
      elementId: id,
      name: flow.name ?? '',
      kind: 'messageFlow',
      ...defined({ organisationId: from.organisationId, participantId: from.participantId, laneId: from.laneId, laneRoleId: from.laneRoleId }),
      from,
      to,
    };
  }
  const place = model.nodes.get(id)!;
  const step: WalkthroughStep = {
    elementId: id,
    name: place.element.name ?? '',
    kind: kindOf(place.element.$type),
    ...defined({ organisationId: place.organisationId, participantId: place.participantId, laneId: place.laneId, laneRoleId: place.laneRoleId }),
  };
  if (is(place.element, 'bpmn:Gateway')) {
    const ways = (forward.get(id) ?? []).filter((e) => e.rank === RANK_SEQUENCE);
    if (ways.length > 1) step.branches = ways.map((edge) => branchOf(model, forward, roots, graph, index, id, edge));
  }
  return step;
}

/** The steps every walk from the start must reach through this one way out of the gateway. */
function branchOf(
  model: FlowModel,
  forward: Map<string, Edge[]>,
  roots: string[],
  graph: Graph,
  index: Map<string, number>,
  gatewayId: string,
  edge: Edge,
): Branch {
  const all = reachable(forward, startsOfWalk(roots, graph, forward));
  const without = reachable(forward, startsOfWalk(roots, graph, forward), { from: gatewayId, to: edge.to, via: edge.via });
  const exclusive = [...all].filter((id) => !without.has(id)).map((id) => index.get(id)!).sort((a, b) => a - b);
  const flow = model.sequenceFlows.find((f) => f.id === edge.via);
  return { sequenceFlowId: edge.via ?? '', name: flow?.name ?? '', targetId: edge.to, exclusive };
}

/** Every node without a forward predecessor: where any walk can start. */
function startsOfWalk(roots: string[], graph: Graph, forward: Map<string, Edge[]>): string[] {
  const hasIncoming = new Set<string>();
  for (const list of forward.values()) for (const e of list) hasIncoming.add(e.to);
  return [...new Set([...roots, ...graph.ids.filter((id) => !hasIncoming.has(id))])];
}

function reachable(forward: Map<string, Edge[]>, starts: string[], skip?: { from: string; to: string; via?: string }): Set<string> {
  const seen = new Set<string>(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of forward.get(id) ?? []) {
      if (skip && id === skip.from && e.to === skip.to && e.via === skip.via) continue;
      if (!seen.has(e.to)) {
        seen.add(e.to);
        stack.push(e.to);
      }
    }
  }
  return seen;
}

function endOf(model: FlowModel, element: ModdleElement | undefined): StepEnd {
  if (!element?.id) return {};
  const node: NodePlace | undefined = model.nodes.get(element.id);
  if (node) {
    return defined({ elementId: element.id, participantId: node.participantId, organisationId: node.organisationId, laneId: node.laneId, laneRoleId: node.laneRoleId });
  }
  if (is(element, 'bpmn:Participant')) {
    const pool = model.participants.find((p) => p.id === element.id);
    return defined({ participantId: element.id, organisationId: pool ? organisationIdOf(pool) : undefined });
  }
  return {};
}

/** 'bpmn:ExclusiveGateway' → 'exclusiveGateway'. */
export function kindOf(type: string): string {
  const local = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return local.charAt(0).toLowerCase() + local.slice(1);
}

function comparePosition(position: Graph['position'], a: string, b: string): number {
  const pa = position.get(a);
  const pb = position.get(b);
  const ax = pa?.x ?? Number.POSITIVE_INFINITY;
  const bx = pb?.x ?? Number.POSITIVE_INFINITY;
  if (ax !== bx) return ax - bx;
  const ay = pa?.y ?? 0;
  const by = pb?.y ?? 0;
  if (ay !== by) return ay - by;
  return a.localeCompare(b);
}

function defined<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
