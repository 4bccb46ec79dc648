import type { ModdleElement } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import { isModdleElement, walkContained } from '@/lib/bpmn/elements';
import { diffResponsibility, type ResponsibilityChange } from './responsibility/diff-responsibility';

export type ChangedElement = { id: string; type: string; name?: string };
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

  const changed = Object.entries(changes._changed).map(([id, { model, attrs }]) => {
    const after = newById.get(id) ?? model;
    const before = oldById.get(id);
    return { ...describe(id, after), attributes: attributeChanges(before, after, Object.keys(attrs)) };
  });

  return {
    added: sortById(Object.entries(changes._added).map(([id, e]) => describe(id, e))),
    removed: sortById(Object.entries(changes._removed).map(([id, e]) => describe(id, e))),
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

function describe(id: string, element: ModdleElement | undefined): ChangedElement {
  const name = typeof element?.name === 'string' && element.name ? element.name : undefined;
  return { id, type: element?.$type ?? 'unknown', ...(name ? { name } : {}) };
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
