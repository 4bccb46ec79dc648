import type { ModdleElement } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import { isModdleElement, walkContained } from '@/lib/bpmn/elements';
import { diffResponsibility, type ResponsibilityChange } from './responsibility/diff-responsibility';

/** Where an element sits, by names people know: what describes an unnamed element instead of its id. */
export type ElementContext = { lane?: string; pool?: string; from?: string; to?: string };
export type ChangedElement = { id: string; type: string; name?: string; context?: ElementContext };
export type AttributeChange = { name: string; oldValue: string | null; newValue: string | null };
export type FlowDiff = {
  added: ChangedElement[];
  removed: ChangedElement[];
  changed: (ChangedElement & { attributes: AttributeChange[] })[];
  layoutChanged: ChangedElement[];
  /** RACI letters and step or handover details that changed, per element, as raw values (role ids). */
  responsibility?: ResponsibilityChange[];
};

/**
 * What changed between two versions of a flow, by element: added, removed, changed (with old and new
 * attribute values) and moved or resized on the canvas. bpmn-js-differ finds the changes; we read the
 * values from both models ourselves, because the differ reports a modified value with old and new swapped.
 */
export function diffBpmn(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): FlowDiff {
  const changes = diff(oldDefinitions, newDefinitions);
  const oldById = indexById(oldDefinitions);
  const newById = indexById(newDefinitions);
  const oldPlaces = indexPlaces(oldDefinitions);
  const newPlaces = indexPlaces(newDefinitions);
  // Removed elements are found in the old model, everything else in the new one.
  const describe = (id: string, element: ModdleElement | undefined, places = newPlaces) => describeElement(id, element, places);

  const changed = Object.entries(changes._changed).map(([id, { model, attrs }]) => {
    const after = newById.get(id) ?? model;
    const before = oldById.get(id);
    return { ...describe(id, after), attributes: attributeChanges(before, after, Object.keys(attrs)) };
  });

  return {
    added: sortById(Object.entries(changes._added).map(([id, e]) => describe(id, e))),
    removed: sortById(Object.entries(changes._removed).map(([id, e]) => describe(id, oldById.get(id) ?? e, oldPlaces))),
    changed: sortById(changed),
    layoutChanged: sortById(Object.entries(changes._layoutChanged).map(([id, e]) => describe(id, newById.get(id) ?? e))),
    responsibility: diffResponsibility(oldDefinitions, newDefinitions),
  };
}

function indexById(definitions: ModdleElement): Map<string, ModdleElement> {
  const byId = new Map<string, ModdleElement>();
  walkContained(definitions, (element) => {
    if (element.id && !byId.has(element.id)) byId.set(element.id, element);
  });
  return byId;
}

type Places = { laneOf: Map<string, string>; poolOfProcess: Map<string, string> };

const nameOf = (element: unknown): string | undefined =>
  isModdleElement(element) && typeof element.name === 'string' && element.name.trim() ? element.name.trim() : undefined;

/** Lane names by flow node id and pool names by process id: the names an unnamed element is placed by. */
function indexPlaces(definitions: ModdleElement): Places {
  const places: Places = { laneOf: new Map(), poolOfProcess: new Map() };
  walkContained(definitions, (element) => {
    if (element.$type === 'bpmn:Participant') {
      const process = element.get('processRef');
      const name = nameOf(element);
      if (isModdleElement(process) && process.id && name) places.poolOfProcess.set(process.id, name);
    }
    if (element.$type === 'bpmn:Lane') {
      const name = nameOf(element);
      const refs = element.get('flowNodeRef');
      // Nested lanes are walked after their parent, so the innermost lane's name wins.
      if (name && Array.isArray(refs)) for (const ref of refs) if (isModdleElement(ref) && ref.id) places.laneOf.set(ref.id, name);
    }
  });
  return places;
}

function processOf(element: ModdleElement): ModdleElement | undefined {
  for (let e: unknown = element; isModdleElement(e); e = (e as { $parent?: unknown }).$parent) {
    if (e.$type === 'bpmn:Process') return e;
  }
  return undefined;
}

function describeElement(id: string, element: ModdleElement | undefined, places: Places): ChangedElement {
  const name = nameOf(element);
  const described: ChangedElement = { id, type: element?.$type ?? 'unknown', ...(name ? { name } : {}) };
  // A name says enough; only an unnamed element is placed by its surroundings.
  if (!element || name) return described;
  const process = element.$type === 'bpmn:Process' ? element : processOf(element);
  const context: ElementContext = {
    lane: places.laneOf.get(id),
    pool: process?.id ? places.poolOfProcess.get(process.id) : undefined,
    from: nameOf(element.get('sourceRef')),
    to: nameOf(element.get('targetRef')),
  };
  const known = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as ElementContext;
  return Object.keys(known).length > 0 ? { ...described, context: known } : described;
}

function sortById<T extends { id: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The differ names changed paths such as `name`, `processRef.name` or `incoming[0]`; a change inside a
 * collection is reported as the whole collection (`incoming`), old and new, as ids.
 */
function attributeChanges(before: ModdleElement | undefined, after: ModdleElement, paths: string[]): AttributeChange[] {
  const names = [...new Set(paths.map((p) => p.replace(/\[\d+\].*$/, '')))];
  if (names.length === 0) names.push('name', 'documentation');
  const out: AttributeChange[] = [];
  for (const name of names) {
    const oldValue = format(before ? valueAt(before, name) : undefined);
    const newValue = format(valueAt(after, name));
    if (oldValue !== newValue) out.push({ name, oldValue, newValue });
  }
  return out;
}

function valueAt(element: ModdleElement, path: string): unknown {
  let value: unknown = element;
  for (const segment of path.split('.')) {
    if (!isModdleElement(value)) return undefined;
    value = value.get(segment);
  }
  return value;
}

function format(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => format(v) ?? '').join(', ') : null;
  if (isModdleElement(value)) {
    if (value.id) return value.id;
    const text = value.get('text');
    return typeof text === 'string' ? text : value.$type;
  }
  return String(value);
}
