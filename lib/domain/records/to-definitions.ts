import { isElement, setParent, type Element, type ModdleFactory } from './moddle-shape';
import type { RecordState } from './record-state';
import { fromTree } from './tree';
import { LANES, PARENT, PARENT_PROP, ROOT_ID, type Json } from './types';

/**
 * The moddle definitions tree of a record state: the inverse of `recordsFromDefinitions`. Derived
 * lists are rebuilt from the child side (flowNodeRef from each node's lanes, incoming/outgoing from
 * each sequence flow's ends). References to ids that are not there are left out (the commit path
 * refuses such states; this only meets them in old stored data).
 */
export function definitionsFromRecords(factory: ModdleFactory, state: RecordState): Element {
  const objects = new Map<string, Element>();
  const pendingRefs: [string, (target: Element) => void][] = [];
  const register = (id: string, element: Element) => {
    if (!objects.has(id)) objects.set(id, element);
  };
  const refs = (id: string, assign: (target: Element) => void) => pendingRefs.push([id, assign]);

  for (const id of state.order) {
    const record = state.byId.get(id)!;
    const element = factory.create(record.type);
    objects.set(id === ROOT_ID ? ROOT_ID : id, element);
    if (id !== ROOT_ID) element.set('id', id);
    assignFields(factory, element, record.fields, register, refs);
  }
  const root = objects.get(ROOT_ID);
  if (!root) throw new Error('The flow has no definitions record.');
  // Elements may refer to the definitions by its own id (vendor extensions do).
  if (typeof root.id === 'string' && !objects.has(root.id)) objects.set(root.id, root);

  for (const id of state.order) {
    const record = state.byId.get(id)!;
    const parentId = record.fields[PARENT];
    const prop = record.fields[PARENT_PROP];
    if (typeof parentId !== 'string' || typeof prop !== 'string') continue;
    const parent = objects.get(parentId);
    const child = objects.get(id)!;
    if (parent) attachChild(parent, prop, child);
  }

  for (const [id, assign] of pendingRefs) {
    const target = objects.get(id);
    if (target) assign(target);
  }
  deriveLists(state, objects);
  return root;
}

/** Hangs `child` into `parent`'s containment property `prop` (appended to a list, or set). */
export function attachChild(parent: Element, prop: string, child: Element): void {
  const descriptor = parent.$descriptor?.propertiesByName?.[prop];
  if (descriptor?.isMany) {
    const current = parent.get(prop);
    if (Array.isArray(current)) current.push(child);
    else parent.set(prop, [child]);
  } else parent.set(prop, child);
  setParent(child, parent);
}

/**
 * Sets record fields on a moddle element; references are queued through `refs` (resolved once every
 * element exists). A null value unsets the field (a patch that removes it).
 */
export function assignFields(
  factory: ModdleFactory,
  element: Element,
  fields: Record<string, Json>,
  register: (id: string, element: Element) => void,
  refs: (id: string, assign: (target: Element) => void) => void,
): void {
  for (const [key, value] of Object.entries(fields)) {
    const kind = key.slice(0, 2);
    const name = key.slice(2);
    if (value === null) {
      if (kind === 'x:') delete element.$attrs![name];
      else if (kind === 'a:' || kind === 'b:' || kind === 'r:') element.set(name, undefined);
      continue;
    }
    if (kind === 'a:') element.set(name, value);
    else if (kind === 'x:') element.$attrs![name] = String(value);
    else if (kind === 'b:') {
      const built = fromTree(factory, value, register, refs);
      element.set(name, built);
      for (const child of Array.isArray(built) ? built : [built]) if (isElement(child)) setParent(child, element);
    } else if (kind === 'r:') {
      if (Array.isArray(value)) {
        const list: Element[] = [];
        element.set(name, list);
        for (const ref of value) if (typeof ref === 'string') refs(ref, (target) => list.push(target));
      } else if (typeof value === 'string') refs(value, (target) => element.set(name, target));
    }
  }
}

function deriveLists(state: RecordState, objects: Map<string, Element>): void {
  for (const id of state.order) {
    const record = state.byId.get(id)!;
    const lanes = record.fields[LANES];
    if (Array.isArray(lanes)) {
      const node = objects.get(id)!;
      for (const laneId of lanes as Json[]) {
        const lane = typeof laneId === 'string' ? objects.get(laneId) : undefined;
        if (lane) pushTo(lane, 'flowNodeRef', node);
      }
    }
  }
  for (const element of objects.values()) {
    if (typeof element.$instanceOf !== 'function' || !element.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = element.get('sourceRef');
    const target = element.get('targetRef');
    if (isElement(source)) pushTo(source, 'outgoing', element);
    if (isElement(target)) pushTo(target, 'incoming', element);
  }
}

function pushTo(owner: Element, prop: string, value: Element): void {
  const current = owner.get(prop);
  if (Array.isArray(current)) current.push(value);
  else owner.set(prop, [value]);
}
