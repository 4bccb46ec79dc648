import type { ModdleElement } from 'bpmn-moddle';
import { isModdleElement, walkContained } from '@/lib/bpmn/elements';
import { changeSetOf, type ElementChange } from './records/change-set';
import { recordsFromDefinitions } from './records/from-definitions';
import type { Element } from './records/moddle-shape';
import { stateOf } from './records/record-state';
import { ROOT_ID, type Json } from './records/types';
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
 * attribute values) and moved or resized on the canvas. A view of the raw change set of the two
 * states' element records (lib/domain/records/change-set), the same records the live commits are
 * made of; names and places for people are read from the moddle trees.
 */
export function diffBpmn(oldDefinitions: ModdleElement, newDefinitions: ModdleElement, ownerOrganisationId = ''): FlowDiff {
  const before = stateOf(recordsFromDefinitions(oldDefinitions as unknown as Element));
  const after = stateOf(recordsFromDefinitions(newDefinitions as unknown as Element));
  const changes = changeSetOf(before, after, ownerOrganisationId);
  const oldById = indexById(oldDefinitions);
  const newById = indexById(newDefinitions);
  const oldPlaces = indexPlaces(oldDefinitions);
  const newPlaces = indexPlaces(newDefinitions);
  // Removed elements are found in the old model, everything else in the new one.
  const describe = (id: string, places = newPlaces) => describeElement(id, (places === oldPlaces ? oldById : newById).get(id), places);
  const typed = (id: string, type: string, places = newPlaces) => {
    const described = describe(id, places);
    return described.type === 'unknown' ? { ...described, type } : described;
  };

  const semantic = changes.filter((c) => !c.layout && !NOT_ELEMENTS.test(c.type) && c.id !== ROOT_ID);
  const added = semantic.filter((c) => c.kind === 'added');
  const removed = semantic.filter((c) => c.kind === 'removed');
  const comeOrGone = new Set([...added, ...removed].map((c) => c.id));
  const layout = [...new Set(changes.filter((c) => c.layout && !comeOrGone.has(c.subject)).map((c) => c.subject))];
  return {
    added: sortById(added.map((c) => typed(c.id, c.type))),
    removed: sortById(removed.map((c) => typed(c.id, c.type, oldPlaces))),
    changed: sortById(
      semantic
        .filter((c) => c.kind === 'changed')
        .map((c) => ({ ...typed(c.id, c.type), attributes: attributeChanges(c) })),
    ),
    layoutChanged: sortById(layout.map((id) => describe(id))),
    responsibility: diffResponsibility(oldDefinitions, newDefinitions),
  };
}

/** Diagram interchange and geometry records: layout, never an element of the flow of their own. */
const NOT_ELEMENTS = /^(bpmndi|dc|di):/;

/** Record fields by the names people's tools use: `a:bpmn:name` → `name`, `@lanes` → `lanes`. */
function attributeName(field: string): string {
  return field.replace(/^@/, '').replace(/^[abrx]:/, '').replace(/^[\w-]+:/, '');
}

function attributeChanges(change: ElementChange): AttributeChange[] {
  const out: AttributeChange[] = [];
  for (const field of change.fields) {
    const oldValue = format(change.before?.fields[field]);
    const newValue = format(change.after?.fields[field]);
    if (oldValue !== newValue) out.push({ name: attributeName(field), oldValue, newValue });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A field's value as text: ids for references, a documentation's text, a nested element by its type. */
function format(value: Json | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => format(v) ?? '').join(', ') : null;
  if (typeof value === 'object') {
    const text = Object.entries(value).find(([key]) => key.endsWith(':text'))?.[1];
    return typeof text === 'string' ? text : typeof value.$type === 'string' ? value.$type : null;
  }
  return String(value);
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
