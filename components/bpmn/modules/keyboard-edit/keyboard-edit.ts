// Editing without a pointer (WCAG 2.1.1): the editor's dialogs name a lane, a type and a predecessor, or
// two elements in different pools, and this service does the drawing through bpmn-js modeling. Each
// operation is ONE command on the command stack, so a single undo takes it back and the editor's
// save machinery sees it like any other edit.

import { is } from 'bpmn-js/lib/util/ModelUtil';
import { handoverRoute, type Point } from './handover-route';
import { isInLane, stepCentre, type Bounds } from './step-position';

type BusinessObject = { id: string; name?: string };
type Element = Bounds & {
  id: string;
  type: string;
  parent?: Element;
  children?: Element[];
  labelTarget?: Element;
  waypoints?: unknown;
  businessObject: BusinessObject;
};
type ElementRegistry = { get(id: string): Element | undefined; filter(fn: (e: Element) => boolean): Element[] };
type Modeling = {
  createShape(shape: Element, position: { x: number; y: number }, parent: Element): Element;
  appendShape(source: Element, shape: Element, position: { x: number; y: number }, target: Element): Element;
  connect(source: Element, target: Element, attrs: Record<string, unknown>): Element;
};
type CommandStack = {
  registerHandler(command: string, handler: object): void;
  execute(command: string, context: Record<string, unknown>): void;
};
type ElementFactory = { createShape(attrs: Record<string, unknown>): Element };
type BpmnFactory = { create(type: string, attrs: Record<string, unknown>): BusinessObject };
type BpmnRules = { canConnect(source: Element, target: Element): false | { type: string } | null | boolean };
type Selection = { select(element: Element): void };

export const STEP_TYPES = [
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:StartEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:EndEvent',
  'bpmn:ExclusiveGateway',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** A place a step can go: a lane (leaf), or a pool that has no lanes. */
export type StepPlace = { id: string; poolId: string; poolName: string; laneName?: string };
export type FlowNodeInfo = { id: string; name: string; type: string; poolId: string; poolName: string; laneName?: string };
export type AddStepInput = { placeId: string; type: StepType; name: string; afterId?: string };
export type AddHandoverInput = { sourceId: string; targetId: string; name: string };

/** Refusals a person can act on; the editor words them in the UI language by `reason`. */
export class KeyboardEditError extends Error {
  constructor(readonly reason: 'SAME_POOL' | 'NOT_ALLOWED' | 'NOT_FOUND', message: string) {
    super(message);
  }
}

function poolOf(element: Element): Element | undefined {
  let current: Element | undefined = element;
  while (current && current.type !== 'bpmn:Participant') current = current.parent;
  return current;
}

function isFlowNode(element: Element): boolean {
  return !element.labelTarget && !element.waypoints && is(element, 'bpmn:FlowNode');
}

export default function KeyboardEdit(
  this: Record<string, unknown>,
  elementRegistry: ElementRegistry,
  commandStack: CommandStack,
  bpmnRules: BpmnRules,
  selection: Selection,
) {
  const need = (id: string): Element => {
    const element = elementRegistry.get(id);
    if (!element) throw new KeyboardEditError('NOT_FOUND', `No element with id ${id}`);
    return element;
  };
  const flowNodes = () => elementRegistry.filter(isFlowNode);
  // The innermost lane under the element's centre: bpmn-js parents flow nodes to the pool, not the lane.
  const laneOf = (node: Element, pool: Element | undefined): Element | undefined => {
    const x = node.x + node.width / 2;
    const y = node.y + node.height / 2;
    return elementRegistry
      .filter((e) => e.type === 'bpmn:Lane' && poolOf(e) === pool && e.x <= x && x <= e.x + e.width && e.y <= y && y <= e.y + e.height)
      .sort((a, b) => a.width * a.height - b.width * b.height)[0];
  };
  const describe = (node: Element): FlowNodeInfo => {
    const pool = poolOf(node);
    const laneName = laneOf(node, pool)?.businessObject.name;
    return {
      id: node.id,
      name: node.businessObject.name ?? '',
      type: node.type,
      poolId: pool?.id ?? '',
      poolName: pool?.businessObject.name ?? '',
      ...(laneName ? { laneName } : {}),
    };
  };

  this.listStepPlaces = (): StepPlace[] =>
    elementRegistry
      .filter((e) => e.type === 'bpmn:Participant')
      .flatMap((pool) => {
        const lanes = elementRegistry.filter(
          (e) => e.type === 'bpmn:Lane' && poolOf(e) === pool && !(e.children ?? []).some((c) => c.type === 'bpmn:Lane'),
        );
        const poolName = pool.businessObject.name ?? '';
        if (lanes.length === 0) return [{ id: pool.id, poolId: pool.id, poolName }];
        return lanes
          .sort((a, b) => a.y - b.y)
          .map((lane) => ({ id: lane.id, poolId: pool.id, poolName, laneName: lane.businessObject.name ?? '' }));
      });

  this.listFlowNodes = (): FlowNodeInfo[] => flowNodes().sort((a, b) => a.x - b.x).map(describe);

  /** For each element that can send a message, the elements in other pools that may receive it. */
  this.listHandoverTargets = (): Record<string, string[]> => {
    const nodes = flowNodes();
    const result: Record<string, string[]> = {};
    for (const source of nodes) {
      const targets = nodes.filter((target) => {
        if (poolOf(target) === poolOf(source)) return false;
        const allowed = bpmnRules.canConnect(source, target);
        return typeof allowed === 'object' && allowed?.type === 'bpmn:MessageFlow';
      });
      if (targets.length > 0) result[source.id] = targets.map((t) => t.id);
    }
    return result;
  };

  this.addStep = (input: AddStepInput): string => {
    const place = need(input.placeId);
    const after = input.afterId ? need(input.afterId) : undefined;
    if (after && poolOf(after) !== poolOf(place)) throw new KeyboardEditError('SAME_POOL', 'The predecessor is in another pool');
    const context: Record<string, unknown> = { ...input, place, after };
    commandStack.execute('stafett.addStep', context);
    const shape = context.shape as Element;
    selection.select(shape);
    return shape.id;
  };

  this.addHandover = (input: AddHandoverInput): string => {
    const source = need(input.sourceId);
    const target = need(input.targetId);
    if (poolOf(source) === poolOf(target)) throw new KeyboardEditError('SAME_POOL', 'A handover goes between two pools');
    const allowed = bpmnRules.canConnect(source, target);
    if (typeof allowed !== 'object' || allowed?.type !== 'bpmn:MessageFlow') {
      throw new KeyboardEditError('NOT_ALLOWED', 'BPMN does not allow a message flow between these elements');
    }
    const context: Record<string, unknown> = { source, target, name: input.name };
    commandStack.execute('stafett.addHandover', context);
    const connection = context.connection as Element;
    selection.select(connection);
    return connection.id;
  };

  // The handlers only compose modeling operations in preExecute; bpmn-js records those under this command.
  function AddStepHandler(
    this: { preExecute(ctx: Record<string, unknown>): void },
    modeling: Modeling,
    elementFactory: ElementFactory,
    bpmnFactory: BpmnFactory,
  ) {
    this.preExecute = (ctx) => {
      const place = ctx.place as Element;
      const after = ctx.after as Element | undefined;
      const type = ctx.type as StepType;
      const name = (ctx.name as string).trim();
      const shape = elementFactory.createShape({ type, businessObject: bpmnFactory.create(type, name ? { name } : {}) });
      const pool = poolOf(place);
      const occupied = flowNodes().filter((n) => poolOf(n) === pool && isInLane(place, n));
      const position = stepCentre({ lane: place, occupied, size: shape, after });
      // Created in the lane: bpmn-js re-parents it to the pool, links it to the lane by position and grows the pool.
      ctx.shape = after ? modeling.appendShape(after, shape, position, place) : modeling.createShape(shape, position, place);
    };
  }
  AddStepHandler.$inject = ['modeling', 'elementFactory', 'bpmnFactory'];

  function AddHandoverHandler(this: { preExecute(ctx: Record<string, unknown>): void }, modeling: Modeling, bpmnFactory: BpmnFactory) {
    this.preExecute = (ctx) => {
      const name = (ctx.name as string).trim();
      const businessObject = bpmnFactory.create('bpmn:MessageFlow', name ? { name } : {});
      const source = ctx.source as Element;
      const target = ctx.target as Element;
      const [sourcePool, targetPool] = [poolOf(source), poolOf(target)];
      // The x of every vertical part of the other handovers, so this one does not run over them.
      const taken = elementRegistry
        .filter((e) => e.type === 'bpmn:MessageFlow')
        .flatMap((flow) => verticalXs((flow.waypoints as Point[] | undefined) ?? []));
      const waypoints = sourcePool && targetPool ? handoverRoute(source, target, sourcePool, targetPool, taken) : null;
      ctx.connection = modeling.connect(source, target, { type: 'bpmn:MessageFlow', businessObject, ...(waypoints ? { waypoints } : {}) });
    };
  }
  AddHandoverHandler.$inject = ['modeling', 'bpmnFactory'];

  // Registered last: the injector reads each handler's $inject when it instantiates it.
  commandStack.registerHandler('stafett.addStep', AddStepHandler);
  commandStack.registerHandler('stafett.addHandover', AddHandoverHandler);
}

KeyboardEdit.$inject = ['elementRegistry', 'commandStack', 'bpmnRules', 'selection'];

function verticalXs(points: Point[]): number[] {
  return points.slice(1).flatMap((p, i) => (Math.abs(p.x - points[i]!.x) < 1 ? [p.x] : []));
}
