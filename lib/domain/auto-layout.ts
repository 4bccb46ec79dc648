import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf } from '@/lib/bpmn/elements';
import { sharedModdle } from '@/lib/bpmn/moddle';
import { COLUMN_WIDTH, layoutPools, messageWaypoints, nodeBox, POOL_GAP, poolWidth, sequenceWaypoints, type Box, type NodeKind, type Point } from './layout';

// A file without diagram interchange (DI) has nothing to draw. Rather than a blank canvas, we can lay it
// out simply: a pool per participant, a row per lane, flow nodes in columns by their order along the
// sequence flows. Data objects, annotations and boundary events are left undrawn.

type Row = { pool: number; box: Box };

/** Adds a generated BPMNDiagram when the definitions have none; returns whether it did. */
export function addGeneratedDiagram(definitions: ModdleElement): boolean {
  if (childrenOf(definitions, 'diagrams').length > 0) return false;
  const roots = childrenOf(definitions, 'rootElements');
  const collaboration = roots.find((r) => is(r, 'bpmn:Collaboration'));
  const participants = collaboration ? childrenOf(collaboration, 'participants') : [];
  const processes = collaboration ? participants.map((p) => refOf(p, 'processRef')) : [roots.find((r) => is(r, 'bpmn:Process'))];
  const planeOwner = collaboration ?? processes[0];
  if (!planeOwner) return false;

  const laneLists = processes.map((p) => (p ? topLanes(p) : []));
  const nodeLists = processes.map((p) => (p ? childrenOf(p, 'flowElements').filter(isDrawableNode) : []));
  const columns = assignColumns(processes, nodeLists, laneLists);
  const width = poolWidth(Math.max(0, ...[...columns.values()].map((c) => c.column)) + 1);
  const geometry = layoutPools(laneLists.map((l) => l.length), width);

  const moddle = sharedModdle();
  const boxes = new Map<ModdleElement, Box>();
  const planeElements: ModdleElement[] = [];
  const shape = (element: ModdleElement, box: Box, attrs: Record<string, unknown> = {}) => {
    boxes.set(element, box);
    planeElements.push(moddle.create('bpmndi:BPMNShape', { id: `${element.id}_di`, bpmnElement: element, bounds: moddle.create('dc:Bounds', box), ...attrs }));
  };
  if (collaboration) participants.forEach((p, i) => shape(p, geometry[i]!.box, { isHorizontal: true }));
  laneLists.forEach((lanes, i) => lanes.forEach((lane, j) => shape(lane, geometry[i]!.laneBoxes[j]!, { isHorizontal: true })));
  for (const [node, { column, row }] of columns) {
    shape(node, nodeBox(kindOf(node), column, row.box), is(node, 'bpmn:ExclusiveGateway') ? { isMarkerVisible: true } : {});
  }

  const edge = (element: ModdleElement, points: Point[]) =>
    planeElements.push(moddle.create('bpmndi:BPMNEdge', { id: `${element.id}_di`, bpmnElement: element, waypoint: points.map((p) => moddle.create('dc:Point', p)) }));
  for (const process of processes) {
    for (const flow of process ? childrenOf(process, 'flowElements').filter((e) => is(e, 'bpmn:SequenceFlow')) : []) {
      const [from, to] = [boxes.get(refOf(flow, 'sourceRef')!), boxes.get(refOf(flow, 'targetRef')!)];
      if (!from || !to) continue;
      // Backwards, or along a row past other shapes: detour under the row instead of through them.
      const sameRow = from.y + from.height / 2 === to.y + to.height / 2;
      const detour = to.x <= from.x || (sameRow && to.x - (from.x + from.width) > COLUMN_WIDTH);
      edge(flow, sequenceWaypoints(from, to, detour ? 'below' : 'vertical-first'));
    }
  }
  for (const flow of collaboration ? childrenOf(collaboration, 'messageFlows') : []) {
    const [source, target] = [refOf(flow, 'sourceRef'), refOf(flow, 'targetRef')];
    const [from, to] = [source && boxes.get(source), target && boxes.get(target)];
    if (!from || !to) continue;
    const lowerTop = Math.max(from.y, to.y);
    edge(flow, messageWaypoints(from, to, lowerTop - POOL_GAP / 2));
  }

  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_generated', bpmnElement: planeOwner, planeElement: planeElements });
  (definitions.get('diagrams') as ModdleElement[]).push(moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_generated', plane }));
  return true;
}

function topLanes(process: ModdleElement): ModdleElement[] {
  return childrenOf(process, 'laneSets').flatMap((set) => childrenOf(set, 'lanes'));
}

function isDrawableNode(element: ModdleElement): boolean {
  return is(element, 'bpmn:FlowNode') && !is(element, 'bpmn:BoundaryEvent');
}

function kindOf(node: ModdleElement): NodeKind {
  if (is(node, 'bpmn:Event')) return 'event';
  if (is(node, 'bpmn:Gateway')) return 'gateway';
  return 'task';
}

/** The lane a node sits in (also through nested lanes), as an index into the process's top lanes. */
function laneIndex(node: ModdleElement, lanes: ModdleElement[]): number {
  const holds = (lane: ModdleElement): boolean =>
    childrenOf(lane, 'flowNodeRef').includes(node) ||
    childrenOf(refOf(lane, 'childLaneSet') ?? lane, 'lanes').some((child) => child !== lane && holds(child));
  return Math.max(0, lanes.findIndex(holds));
}

type Graph = { preds: Map<ModdleElement, ModdleElement[]>; succs: Map<ModdleElement, ModdleElement[]> };

/** Built from the sequence flows themselves: many tools leave out the nodes' incoming/outgoing lists. */
function graphOf(process: ModdleElement, nodes: ModdleElement[]): Graph {
  const preds = new Map(nodes.map((n) => [n, [] as ModdleElement[]]));
  const succs = new Map(nodes.map((n) => [n, [] as ModdleElement[]]));
  for (const flow of childrenOf(process, 'flowElements').filter((e) => is(e, 'bpmn:SequenceFlow'))) {
    const [source, target] = [refOf(flow, 'sourceRef'), refOf(flow, 'targetRef')];
    if (!source || !target || !preds.has(target) || !succs.has(source)) continue;
    preds.get(target)!.push(source);
    succs.get(source)!.push(target);
  }
  return { preds, succs };
}

/**
 * Longest-path columns along sequence flows (a flow back to an earlier node is ignored), then each
 * node moves right until its cell (row, column) is free, so no two shapes overlap.
 */
function assignColumns(
  processes: (ModdleElement | undefined)[],
  nodeLists: ModdleElement[][],
  laneLists: ModdleElement[][],
): Map<ModdleElement, { column: number; row: Row }> {
  const geometry = layoutPools(laneLists.map((l) => l.length), 1000);
  const placed = new Map<ModdleElement, { column: number; row: Row }>();
  processes.forEach((process, p) => {
    if (!process) return;
    const nodes = nodeLists[p]!;
    const graph = graphOf(process, nodes);
    const taken = new Set<string>();
    for (const node of topologicalOrder(nodes, graph)) {
      const preds = graph.preds.get(node) ?? [];
      let column = Math.max(0, ...preds.map((s) => (placed.get(s)?.column ?? -1) + 1));
      const lane = laneLists[p]!.length ? laneIndex(node, laneLists[p]!) : -1;
      while (taken.has(`${lane}:${column}`)) column++;
      taken.add(`${lane}:${column}`);
      placed.set(node, { column, row: { pool: p, box: lane >= 0 ? geometry[p]!.laneBoxes[lane]! : geometry[p]!.box } });
    }
  });
  return placed;
}

/** Kahn's order; nodes left in a cycle follow in document order. */
function topologicalOrder(nodes: ModdleElement[], graph: Graph): ModdleElement[] {
  const indegree = new Map(nodes.map((n) => [n, graph.preds.get(n)?.length ?? 0]));
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  const order: ModdleElement[] = [];
  const done = new Set<ModdleElement>();
  while (order.length < nodes.length) {
    const next = queue.shift() ?? nodes.find((n) => !done.has(n))!;
    if (done.has(next)) continue;
    done.add(next);
    order.push(next);
    for (const target of graph.succs.get(next) ?? []) {
      if (done.has(target)) continue;
      indegree.set(target, (indegree.get(target) ?? 1) - 1);
      if (indegree.get(target) === 0) queue.push(target);
    }
  }
  return order;
}
