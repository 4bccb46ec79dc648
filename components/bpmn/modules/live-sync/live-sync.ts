// Live co-editing inside bpmn-js: turns each command of the user's into element-level ops (by
// comparing the diagram's records before and after), and applies other people's changes in place —
// setting exact values on the business objects and DI and redrawing what changed — without going
// through the command stack (their changes are not the user's to undo) and without re-importing
// (which would reset the view and the undo history). What cannot be applied in place (an element
// added, removed or moved to another container) is left to the caller's full reset.

import { recordsFromDefinitions } from '@/lib/domain/records/from-definitions';
import type { Element as ModdleElement, ModdleFactory } from '@/lib/domain/records/moddle-shape';
import { diffStates, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import { assignFields } from '@/lib/domain/records/to-definitions';
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
type ElementRegistry = { getAll(): DiagramElement[] };
type Injector = { get<T>(name: string): T };
type BpmnJS = { getDefinitions(): ModdleElement };

export type LocalOpsListener = (ops: Op[], before: RecordState, after: RecordState) => void;

export type LiveSyncService = {
  /** The diagram as records now. */
  snapshot(): RecordState;
  /** After an import: what the diagram shows now is the baseline for the next local ops. */
  rebase(): void;
  onLocalOps(listener: LocalOpsListener): void;
  /** Applies remote ops in place; false when they need a full reset (nothing was changed then). */
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
      if (op.op !== 'patch') return false;
      const target = index.get(op.id);
      if (!target) return false;
      for (const field of Object.keys(op.fields)) if (STRUCTURAL.has(field)) return false;
    }
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
    const changed = new Set<DiagramElement>();
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
    if (changed.size) eventBus.fire('elements.changed', { elements: [...changed] });
    baseline = this.snapshot();
    return true;
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
