// Live co-editing inside bpmn-js: turns each command of the user's into element-level ops (by
// comparing the diagram's records before and after), and applies other people's changes in place —
// setting exact values on the business objects and DI and redrawing what changed — without going
// through the command stack (their changes are not the user's to undo) and without re-importing
// (which would reset the view and the undo history). Elements others add or remove are built and
// drawn (or taken away) the way bpmn-js's own importer does it, one element at a time. What cannot be
// applied in place (an element moved to another container, a put over an existing element) is left
// to the caller's full reset; the caller also compares the result with what it expected.

import { recordsFromDefinitions } from '@/lib/domain/records/from-definitions';
import type { Element as ModdleElement, ModdleFactory } from '@/lib/domain/records/moddle-shape';
import { diffStates, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import { assignFields, attachChild } from '@/lib/domain/records/to-definitions';
import { LANES, PARENT, PARENT_PROP, ROOT_ID, type Op } from '@/lib/domain/records/types';

type Point = { x: number; y: number };
type DiagramElement = {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  waypoints?: Point[];
  label?: DiagramElement;
  labelTarget?: DiagramElement;
  di?: ModdleElement;
  businessObject?: ModdleElement;
};
type EventBus = {
  on(event: string | string[], priority: number | ((e: { trigger?: string | null }) => void), callback?: (e: { trigger?: string | null }) => void): void;
  fire(event: string, data: unknown): void;
};
type ElementRegistry = { getAll(): DiagramElement[]; get(id: string): DiagramElement | undefined };
type Canvas = {
  getRootElement(): DiagramElement;
  removeShape(element: DiagramElement): void;
  removeConnection(element: DiagramElement): void;
};
type Importer = { add(semantic: ModdleElement, di: ModdleElement, parent: DiagramElement): DiagramElement };
type Injector = { get<T>(name: string): T };
type BpmnJS = { getDefinitions(): ModdleElement };

export type LocalOpsListener = (ops: Op[], before: RecordState, after: RecordState) => void;

export type LiveSyncService = {
  /** The diagram as records now. */
  snapshot(): RecordState;
  /** After an import: what the diagram shows now is the baseline for the next local ops. */
  rebase(): void;
  onLocalOps(listener: LocalOpsListener): void;
  /** Applies remote ops in place; false when they need a full reset (the caller then resets). */
  applyInPlace(ops: readonly Op[]): boolean;
  /** The user is in the middle of something (a drag, typing a label): remote changes wait. */
  isBusy(): boolean;
  onIdle(callback: () => void): void;
};

const STRUCTURAL = new Set([PARENT, PARENT_PROP]);

export default function LiveSync(this: LiveSyncService, eventBus: EventBus, elementRegistry: ElementRegistry, moddle: ModdleFactory, injector: Injector) {
  let baseline: RecordState | null = null;
  let listener: LocalOpsListener | null = null;
  let dragging = false;
  let editing = false;
  const idle: (() => void)[] = [];
  const definitions = () => injector.get<BpmnJS>('bpmnjs').getDefinitions();

  this.snapshot = () => stateOf(recordsFromDefinitions(definitions()));
  this.rebase = () => {
    baseline = this.snapshot();
  };
  this.onLocalOps = (l) => {
    listener = l;
  };

  // What an import shows is the baseline: the first command after it is compared with this.
  eventBus.on('import.done', () => {
    baseline = this.snapshot();
  });
  eventBus.on('commandStack.changed', (e) => {
    // An import clears the stack ('clear'); only the user's own commands (and their undo) are edits.
    if (e.trigger === 'clear') return;
    const after = this.snapshot();
    const before = baseline ?? after;
    baseline = after;
    const ops = diffStates(before, after);
    if (ops.length) listener?.(ops, before, after);
  });

  const settle = () => {
    if (this.isBusy()) return;
    for (const callback of idle.splice(0)) callback();
  };
  eventBus.on('drag.init', () => void (dragging = true));
  eventBus.on(['drag.cleanup'], () => {
    dragging = false;
    // Let the command that ends the drag run first.
    setTimeout(settle, 0);
  });
  eventBus.on('directEditing.activate', () => void (editing = true));
  eventBus.on(['directEditing.deactivate', 'directEditing.cancel', 'directEditing.complete'], () => {
    editing = false;
    setTimeout(settle, 0);
  });
  this.isBusy = () => dragging || editing;
  this.onIdle = (callback) => {
    idle.push(callback);
    settle();
  };

  this.applyInPlace = (ops) => {
    const index = indexById(definitions());
    for (const op of ops) {
      if (op.op === 'put' && index.has(op.id)) return false;
      if (op.op !== 'patch') continue;
      if (!index.has(op.id)) return false;
      for (const field of Object.keys(op.fields)) if (STRUCTURAL.has(field)) return false;
    }
    const structural = ops.some((op) => op.op !== 'patch');
    try {
      const changed = new Set<DiagramElement>();
      if (structural) removeInPlace(ops, index);
      const created = structural ? createInPlace(ops, index) : [];
      if (!patchInPlace(ops, index, changed)) return false;
      for (const element of drawInPlace(created)) changed.add(element);
      if (changed.size) eventBus.fire('elements.changed', { elements: [...changed] });
    } catch (e) {
      // Half applied: the caller's reset replaces the whole diagram.
      console.warn('live-sync: a remote change could not be applied in place', e);
      return false;
    }
    baseline = this.snapshot();
    return true;
  };

  const diagramIndex = () => {
    const diagramOf = new Map<ModdleElement, DiagramElement[]>();
    for (const element of elementRegistry.getAll()) {
      if (element.labelTarget) continue;
      for (const key of [element.di, element.businessObject]) {
        if (!key) continue;
        const list = diagramOf.get(key);
        if (list) list.push(element);
        else diagramOf.set(key, [element]);
      }
    }
    return diagramOf;
  };

  const patchInPlace = (ops: readonly Op[], index: Map<string, ModdleElement>, changed: Set<DiagramElement>): boolean => {
    const diagramOf = diagramIndex();
    // An external label appearing or disappearing is a diagram element of its own: not a patch bpmn-js
    // can take in place. (An empty BPMNLabel, as direct editing adds to a task, draws nothing.)
    for (const op of ops) {
      if (op.op !== 'patch' || !('b:bpmndi:label' in op.fields)) continue;
      const value = op.fields['b:bpmndi:label'];
      const hasBounds = Boolean(value && typeof value === 'object' && !Array.isArray(value) && value['di:bounds']);
      for (const element of diagramOf.get(index.get(op.id)!) ?? []) {
        if (hasBounds !== Boolean(element.label) && (hasBounds || element.label)) return false;
      }
    }
    const pendingRefs: [string, (t: ModdleElement) => void][] = [];
    for (const op of ops) {
      if (op.op !== 'patch') continue;
      const target = index.get(op.id)!;
      const { [LANES]: lanes, ...rest } = op.fields;
      assignFields(moddle, target, rest, () => undefined, (id, assign) => pendingRefs.push([id, assign]));
      if (LANES in op.fields) moveToLanes(index, target, Array.isArray(lanes) ? lanes.filter((l): l is string => typeof l === 'string') : []);
      for (const element of diagramOf.get(target) ?? []) {
        syncGeometry(element);
        changed.add(element);
        if (element.label) changed.add(element.label);
      }
    }
    for (const [id, assign] of pendingRefs) {
      const found = index.get(id);
      if (found) assign(found);
    }
    return true;
  };

  /** Takes removed elements off the canvas (connections first, children before parents) and out of the model. */
  const removeInPlace = (ops: readonly Op[], index: Map<string, ModdleElement>): void => {
    const removed = new Set(ops.flatMap((op) => (op.op === 'remove' && index.has(op.id) ? [index.get(op.id)!] : [])));
    if (!removed.size) return;
    const canvas = injector.get<Canvas>('canvas');
    const drawn = elementRegistry.getAll().filter((e) => !e.labelTarget && ((e.di && removed.has(e.di)) || (e.businessObject && removed.has(e.businessObject))));
    const depth = (e: DiagramElement) => {
      let n = 0;
      for (let p = (e as { parent?: DiagramElement }).parent; p; p = (p as { parent?: DiagramElement }).parent) n++;
      return n;
    };
    drawn.sort((a, b) => Number(Boolean(b.waypoints)) - Number(Boolean(a.waypoints)) || depth(b) - depth(a));
    for (const element of drawn) {
      if (element.label) canvas.removeShape(element.label);
      if (element.waypoints) canvas.removeConnection(element);
      else canvas.removeShape(element);
    }
    for (const element of removed) {
      detach(element);
      index.delete(element.id as string);
    }
    // References to what is gone (a lane's flowNodeRef, a node's incoming and outgoing).
    for (const element of index.values()) {
      for (const p of element.$descriptor?.properties ?? []) {
        if (!p.isReference || !p.isMany) continue;
        const list = element[p.name];
        if (!Array.isArray(list)) continue;
        for (let i = list.length - 1; i >= 0; i--) if (removed.has(list[i] as ModdleElement)) list.splice(i, 1);
      }
    }
  };

  /** Builds the moddle elements of new records and hangs them into the model; returns them in op order. */
  const createInPlace = (ops: readonly Op[], index: Map<string, ModdleElement>): ModdleElement[] => {
    const puts = ops.filter((op): op is Extract<Op, { op: 'put' }> => op.op === 'put');
    const created: ModdleElement[] = [];
    for (const op of puts) {
      const element = moddle.create(op.type);
      element.set('id', op.id);
      index.set(op.id, element);
      created.push(element);
    }
    const pendingRefs: [string, (t: ModdleElement) => void][] = [];
    puts.forEach((op, i) => {
      const { [PARENT]: parentId, [PARENT_PROP]: prop, [LANES]: _lanes, ...rest } = op.fields;
      const element = created[i]!;
      assignFields(moddle, element, rest, (id, nested) => void (index.has(id) || index.set(id, nested)), (id, assign) => pendingRefs.push([id, assign]));
      const parent = typeof parentId === 'string' ? index.get(parentId) : undefined;
      if (!parent || typeof prop !== 'string') throw new Error(`live-sync: no parent for ${op.id}`);
      attachChild(parent, prop, element);
    });
    for (const [id, assign] of pendingRefs) {
      const found = index.get(id);
      if (found) assign(found);
    }
    puts.forEach((op, i) => {
      const lanes = op.fields[LANES];
      if (Array.isArray(lanes)) moveToLanes(index, created[i]!, lanes.filter((l): l is string => typeof l === 'string'));
      const element = created[i]!;
      if (element.$instanceOf?.('bpmn:SequenceFlow')) {
        for (const [end, list] of [['sourceRef', 'outgoing'], ['targetRef', 'incoming']] as const) {
          const node = element.get(end) as ModdleElement | undefined;
          if (!node) continue;
          const current = node.get(list);
          if (Array.isArray(current)) current.push(element);
          else node.set(list, [element]);
        }
      }
    });
    return created;
  };

  /** Draws new DI as bpmn-js's importer would: pools, then lanes and nodes inside out, boundary events, then connections. */
  const drawInPlace = (created: ModdleElement[]): DiagramElement[] => {
    const canvas = injector.get<Canvas>('canvas');
    const importer = injector.get<Importer>('bpmnImporter');
    const diagrams = created.filter((e) => e.$instanceOf?.('bpmndi:BPMNShape') || e.$instanceOf?.('bpmndi:BPMNEdge'));
    const semanticDepth = (di: ModdleElement) => {
      let n = 0;
      for (let p = (di.get('bpmnElement') as ModdleElement | undefined)?.$parent; p; p = p.$parent) n++;
      return n;
    };
    const rank = (di: ModdleElement) => {
      if (di.$instanceOf!('bpmndi:BPMNEdge')) return 3;
      return (di.get('bpmnElement') as ModdleElement | undefined)?.$instanceOf?.('bpmn:BoundaryEvent') ? 2 : 1;
    };
    diagrams.sort((a, b) => rank(a) - rank(b) || semanticDepth(a) - semanticDepth(b));
    const drawn: DiagramElement[] = [];
    for (const di of diagrams) {
      const semantic = di.get('bpmnElement') as ModdleElement | undefined;
      if (!semantic) throw new Error(`live-sync: ${di.id} draws nothing`);
      // Its label is drawn with it; announcing the label as changed would have bpmn-js write label
      // bounds into the DI (a BPMNLabel the record does not have).
      drawn.push(importer.add(semantic, di, drawnParentOf(semantic, canvas)));
    }
    return drawn;
  };

  /** Where bpmn-js draws a semantic element: inside its pool, sub-process or parent lane, else on the root. */
  const drawnParentOf = (semantic: ModdleElement, canvas: Canvas): DiagramElement => {
    for (let p = semantic.$parent; p; p = p.$parent) {
      if (p.$instanceOf?.('bpmn:Process')) {
        const pool = elementRegistry.getAll().find((e) => !e.labelTarget && e.businessObject?.$instanceOf?.('bpmn:Participant') && e.businessObject.get('processRef') === p);
        return pool ?? canvas.getRootElement();
      }
      if (p.$instanceOf?.('bpmn:Collaboration') || p.$instanceOf?.('bpmn:Definitions')) return canvas.getRootElement();
      const drawn = typeof p.id === 'string' ? elementRegistry.get(p.id) : undefined;
      if (drawn) return drawn;
    }
    return canvas.getRootElement();
  };
}

LiveSync.$inject = ['eventBus', 'elementRegistry', 'moddle', 'injector'];

function indexById(definitions: ModdleElement): Map<string, ModdleElement> {
  const index = new Map<string, ModdleElement>([[ROOT_ID, definitions]]);
  const stack: ModdleElement[] = [definitions];
  const seen = new Set<ModdleElement>();
  while (stack.length) {
    const element = stack.pop()!;
    if (seen.has(element)) continue;
    seen.add(element);
    if (typeof element.id === 'string' && element !== definitions && !index.has(element.id)) index.set(element.id, element);
    for (const p of element.$descriptor?.properties ?? []) {
      if (p.isReference || p.isAttr) continue;
      const value = element[p.name];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string') stack.push(child as ModdleElement);
      }
    }
  }
  return index;
}

/** A flow node's lanes are kept on the node in records; BPMN keeps them as each lane's flowNodeRef. */
function moveToLanes(index: Map<string, ModdleElement>, node: ModdleElement, laneIds: string[]): void {
  for (const element of index.values()) {
    if (element.$type !== 'bpmn:Lane') continue;
    const refs = element.get('flowNodeRef');
    if (!Array.isArray(refs)) continue;
    const at = refs.indexOf(node);
    if (at !== -1) refs.splice(at, 1);
  }
  for (const id of laneIds) {
    const lane = index.get(id);
    const refs = lane?.get('flowNodeRef');
    if (Array.isArray(refs)) refs.push(node);
  }
}

/** diagram-js keeps its own geometry beside the DI: copy the DI's values onto the drawn element. */
function syncGeometry(element: DiagramElement): void {
  const di = element.di;
  if (!di) return;
  const waypoint = di.get('waypoint');
  if (Array.isArray(waypoint) && element.waypoints) {
    element.waypoints = waypoint.map((p: ModdleElement) => ({ x: Number(p.get('x')), y: Number(p.get('y')) }));
  }
  const bounds = di.get('bounds') as ModdleElement | undefined;
  if (bounds && !element.waypoints) {
    element.x = Number(bounds.get('x'));
    element.y = Number(bounds.get('y'));
    element.width = Number(bounds.get('width'));
    element.height = Number(bounds.get('height'));
  }
  const labelBounds = (di.get('label') as ModdleElement | undefined)?.get('bounds') as ModdleElement | undefined;
  if (labelBounds && element.label) {
    element.label.x = Number(labelBounds.get('x'));
    element.label.y = Number(labelBounds.get('y'));
    element.label.width = Number(labelBounds.get('width'));
    element.label.height = Number(labelBounds.get('height'));
  }
}

/** Takes an element out of the property of its parent that contains it. */
function detach(element: ModdleElement): void {
  const parent = element.$parent;
  if (!parent) return;
  for (const p of parent.$descriptor?.properties ?? []) {
    if (p.isReference || p.isAttr) continue;
    const value = parent[p.name];
    if (Array.isArray(value)) {
      const at = value.indexOf(element);
      if (at !== -1) value.splice(at, 1);
    } else if (value === element) parent.set(p.name, undefined);
  }
}
