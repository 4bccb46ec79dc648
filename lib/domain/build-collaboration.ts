import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';
import { createModdle } from '@/lib/bpmn/moddle';
import { toXml } from '@/lib/bpmn/serialise';
import {
  setOrganisationId,
  setRoleId,
  valuesWithHandoverDetails,
  valuesWithResponsibilities,
  valuesWithStepDetails,
  type HandoverDetails,
  type Responsibility,
  type StepDetails,
} from '@/lib/bpmn/stafett-details';
import { shapeColours } from './colour';
import {
  layoutPools,
  messageLabelBox,
  messageWaypoints,
  nodeBox,
  POOL_GAP,
  poolWidth,
  gatewayLabelBox,
  sequenceLabelBox,
  sequenceWaypoints,
  type Box,
  type NodeKind,
  type Point,
  type SequenceRoute,
} from './layout';

// Turns a small declarative description of a collaboration into bpmn-moddle definitions with complete
// DI. Used for the starting flow, the demo flow and the benchmark flow so that all three look alike.

export type LaneSpec = { id: string; name: string; roleId?: string };
export type PoolSpec = {
  id: string;
  processId: string;
  name: string;
  organisationId?: string;
  colour?: string;
  lanes: LaneSpec[];
};
export type NodeType =
  | 'bpmn:StartEvent'
  | 'bpmn:EndEvent'
  | 'bpmn:IntermediateCatchEvent'
  | 'bpmn:IntermediateThrowEvent'
  | 'bpmn:Task'
  | 'bpmn:UserTask'
  | 'bpmn:SendTask'
  | 'bpmn:ReceiveTask'
  | 'bpmn:ExclusiveGateway'
  | 'bpmn:ParallelGateway';
export type NodeSpec = {
  id: string;
  type: NodeType;
  name?: string;
  pool: string;
  /** Lane id; omit only in a pool without lanes. */
  lane?: string;
  column: number;
  documentation?: string;
  /** Adds a message event definition (events only). */
  message?: boolean;
  /** RACI entries (activities); without a responsible entry the lane's role is Responsible. */
  responsibilities?: Responsibility[];
  details?: StepDetails;
};
export type SequenceFlowSpec = { id: string; from: string; to: string; name?: string; route?: SequenceRoute };
export type MessageFlowSpec = {
  id: string;
  from: string;
  to: string;
  name?: string;
  documentation?: string;
  handover?: HandoverDetails;
  responsibilities?: Responsibility[];
};
export type CollaborationSpec = {
  collaborationId: string;
  name: string;
  documentation?: string;
  pools: PoolSpec[];
  nodes: NodeSpec[];
  sequenceFlows: SequenceFlowSpec[];
  messageFlows: MessageFlowSpec[];
  minWidth?: number;
};

export async function buildCollaborationXml(spec: CollaborationSpec): Promise<string> {
  return toXml(buildCollaborationDefinitions(spec));
}

type Placed = { element: ModdleElement; box: Box; pool: number; process: ModdleElement };

export function buildCollaborationDefinitions(spec: CollaborationSpec): ModdleElement {
  const moddle = createModdle();
  const columns = Math.max(0, ...spec.nodes.map((n) => n.column)) + 1;
  const geometry = layoutPools(spec.pools.map((p) => p.lanes.length), poolWidth(columns, spec.minWidth));
  const shapes: ModdleElement[] = [];
  const participants: ModdleElement[] = [];
  const processes: ModdleElement[] = [];
  const lanesById = new Map<string, { lane: ModdleElement; box: Box; pool: number }>();

  spec.pools.forEach((pool, i) => {
    const g = geometry[i]!;
    const colours = pool.colour ? shapeColours(pool.colour) : undefined;
    const lanes = pool.lanes.map((l, j) => {
      const lane = moddle.create('bpmn:Lane', { id: l.id, name: l.name, flowNodeRef: [] });
      if (l.roleId) setRoleId(lane, l.roleId);
      lanesById.set(l.id, { lane, box: g.laneBoxes[j]!, pool: i });
      shapes.push(shape(moddle, lane, g.laneBoxes[j]!, { isHorizontal: true }, colours));
      return lane;
    });
    const process = moddle.create('bpmn:Process', { id: pool.processId, isExecutable: false, flowElements: [] });
    if (lanes.length) process.set('laneSets', [moddle.create('bpmn:LaneSet', { id: `${pool.processId}_lanes`, lanes })]);
    const participant = moddle.create('bpmn:Participant', { id: pool.id, name: pool.name, processRef: process });
    if (pool.organisationId) setOrganisationId(participant, pool.organisationId);
    shapes.unshift(shape(moddle, participant, g.box, { isHorizontal: true }, colours));
    participants.push(participant);
    processes.push(process);
  });

  const placed = placeNodes(moddle, spec, geometry, processes, lanesById, shapes);
  const edges = [
    ...spec.sequenceFlows.map((f) => sequenceFlow(moddle, f, placed)),
    ...spec.messageFlows.map((f) => messageFlow(moddle, f, placed, geometry.map((g) => g.box))),
  ];

  const collaboration = moddle.create('bpmn:Collaboration', {
    id: spec.collaborationId,
    name: spec.name,
    participants,
    messageFlows: edges.filter((e) => e.element.$type === 'bpmn:MessageFlow').map((e) => e.element),
  });
  if (spec.documentation) collaboration.set('documentation', [moddle.create('bpmn:Documentation', { text: spec.documentation })]);
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `${spec.collaborationId}_plane`,
    bpmnElement: collaboration,
    planeElement: [...shapes, ...edges.map((e) => e.di)],
  });
  return moddle.create('bpmn:Definitions', {
    id: `${spec.collaborationId}_definitions`,
    targetNamespace: 'http://stafett.se/flows',
    exporter: 'Stafett',
    exporterVersion: '1.0',
    rootElements: [collaboration, ...processes],
    diagrams: [moddle.create('bpmndi:BPMNDiagram', { id: `${spec.collaborationId}_diagram`, plane })],
  });
}

function kindOf(type: NodeType): NodeKind {
  if (type.endsWith('Event')) return 'event';
  if (type.endsWith('Gateway')) return 'gateway';
  return 'task';
}

function placeNodes(
  moddle: BpmnModdle,
  spec: CollaborationSpec,
  geometry: { box: Box }[],
  processes: ModdleElement[],
  lanesById: Map<string, { lane: ModdleElement; box: Box; pool: number }>,
  shapes: ModdleElement[],
): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  for (const n of spec.nodes) {
    const poolIndex = spec.pools.findIndex((p) => p.id === n.pool);
    const process = processes[poolIndex];
    const lane = n.lane ? lanesById.get(n.lane) : undefined;
    if (!process || (n.lane && lane?.pool !== poolIndex)) throw new Error(`Node ${n.id}: unknown pool or lane`);
    const element = moddle.create(n.type, { id: n.id, ...(n.name ? { name: n.name } : {}) });
    if (n.documentation) element.set('documentation', [moddle.create('bpmn:Documentation', { text: n.documentation })]);
    if (n.message) element.set('eventDefinitions', [moddle.create('bpmn:MessageEventDefinition', { id: `${n.id}_message` })]);
    setStafettExtensions(moddle, element, n.responsibilities, n.details && ((v, c) => valuesWithStepDetails(v, n.details!, c)));
    (process.get('flowElements') as ModdleElement[]).push(element);
    if (lane) (lane.lane.get('flowNodeRef') as ModdleElement[]).push(element);
    const box = nodeBox(kindOf(n.type), n.column, lane?.box ?? geometry[poolIndex]!.box);
    const di = shape(moddle, element, box, n.type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {});
    if (n.name && kindOf(n.type) === 'gateway') di.set('label', label(moddle, gatewayLabelBox(box)));
    shapes.push(di);
    placed.set(n.id, { element, box, pool: poolIndex, process });
  }
  return placed;
}

function ends(f: { id: string; from: string; to: string }, placed: Map<string, Placed>): [Placed, Placed] {
  const source = placed.get(f.from);
  const target = placed.get(f.to);
  if (!source || !target) throw new Error(`Flow ${f.id}: unknown source or target`);
  return [source, target];
}

function sequenceFlow(moddle: BpmnModdle, f: SequenceFlowSpec, placed: Map<string, Placed>) {
  const [source, target] = ends(f, placed);
  if (source.pool !== target.pool) throw new Error(`Sequence flow ${f.id} crosses pools: use a message flow`);
  const element = moddle.create('bpmn:SequenceFlow', {
    id: f.id,
    ...(f.name ? { name: f.name } : {}),
    sourceRef: source.element,
    targetRef: target.element,
  });
  (source.process.get('flowElements') as ModdleElement[]).push(element);
  (source.element.get('outgoing') as ModdleElement[]).push(element);
  (target.element.get('incoming') as ModdleElement[]).push(element);
  const waypoints = sequenceWaypoints(source.box, target.box, f.route);
  const di = edge(moddle, element, waypoints);
  if (f.name) di.set('label', label(moddle, sequenceLabelBox(waypoints)));
  return { element, di };
}

function messageFlow(moddle: BpmnModdle, f: MessageFlowSpec, placed: Map<string, Placed>, pools: Box[]) {
  const [source, target] = ends(f, placed);
  if (source.pool === target.pool) throw new Error(`Message flow ${f.id} stays in one pool: use a sequence flow`);
  const element = moddle.create('bpmn:MessageFlow', {
    id: f.id,
    ...(f.name ? { name: f.name } : {}),
    sourceRef: source.element,
    targetRef: target.element,
  });
  if (f.documentation) element.set('documentation', [moddle.create('bpmn:Documentation', { text: f.documentation })]);
  setStafettExtensions(moddle, element, f.responsibilities, f.handover && ((v, c) => valuesWithHandoverDetails(v, f.handover!, c)));
  // The gap just above the lower pool of the two: the line's horizontal part and its label go there.
  const lower = pools[Math.max(source.pool, target.pool)]!;
  const gapY = lower.y - POOL_GAP / 2;
  const waypoints = messageWaypoints(source.box, target.box, gapY);
  const di = edge(moddle, element, waypoints);
  if (f.name) di.set('label', label(moddle, messageLabelBox(waypoints, gapY)));
  return { element, di };
}

type Create = Parameters<typeof valuesWithStepDetails>[2];

function setStafettExtensions(
  moddle: BpmnModdle,
  element: ModdleElement,
  responsibilities: Responsibility[] | undefined,
  withDetails: ((values: ModdleElement[], create: Create) => ModdleElement[]) | undefined,
): void {
  if (!responsibilities?.length && !withDetails) return;
  const create: Create = (type, attrs) => moddle.create(type, attrs);
  let values: ModdleElement[] = withDetails ? withDetails([], create) : [];
  if (responsibilities?.length) values = valuesWithResponsibilities(values, responsibilities, create);
  if (values.length) element.set('extensionElements', moddle.create('bpmn:ExtensionElements', { values }));
}

function bounds(moddle: BpmnModdle, box: Box): ModdleElement {
  return moddle.create('dc:Bounds', { x: box.x, y: box.y, width: box.width, height: box.height });
}

function label(moddle: BpmnModdle, box: Box): ModdleElement {
  return moddle.create('bpmndi:BPMNLabel', { bounds: bounds(moddle, box) });
}

function shape(
  moddle: BpmnModdle,
  element: ModdleElement,
  box: Box,
  attrs: Record<string, unknown>,
  colours?: { fill: string; stroke: string },
): ModdleElement {
  const di = moddle.create('bpmndi:BPMNShape', { id: `${element.id}_di`, bpmnElement: element, bounds: bounds(moddle, box), ...attrs });
  if (colours) {
    // Both vocabularies: bpmn-js reads bioc:*, other tools read the OMG colour extension.
    di.set('bioc:fill', colours.fill);
    di.set('bioc:stroke', colours.stroke);
    di.set('color:background-color', colours.fill);
    di.set('color:border-color', colours.stroke);
  }
  return di;
}

function edge(moddle: BpmnModdle, element: ModdleElement, points: Point[]): ModdleElement {
  return moddle.create('bpmndi:BPMNEdge', {
    id: `${element.id}_di`,
    bpmnElement: element,
    waypoint: points.map((p) => moddle.create('dc:Point', { x: p.x, y: p.y })),
  });
}
