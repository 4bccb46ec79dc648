import { DERIVED, hasOwn, isElement, type Element } from './moddle-shape';
import { ownAttrs, refJson, toTree } from './tree';
import { LANES, PARENT, PARENT_PROP, ROOT_ID, type ElementRecord, type Fields, type Json } from './types';

/**
 * The records of a BPMN definitions tree (bpmn-moddle's, on the server, or bpmn-js's own in the
 * browser: both are moddle). Every contained element with an id becomes a record, parents before
 * children, in document order. Lossless for what moddle read: `definitionsFromRecords` gives it back.
 */
export function recordsFromDefinitions(definitions: Element): ElementRecord[] {
  const out: ElementRecord[] = [];
  const seen = new Set<string>();
  const laneOf = new Map<string, string[]>();
  visit(definitions, ROOT_ID, null, null, out, seen, laneOf, knownNamespaces(definitions));
  if (laneOf.size) {
    for (const record of out) {
      const lanes = laneOf.get(record.id);
      if (lanes) record.fields[LANES] = lanes;
    }
  }
  return out;
}

function visit(
  element: Element,
  id: string,
  parent: string | null,
  prop: string | null,
  out: ElementRecord[],
  seen: Set<string>,
  laneOf: Map<string, string[]>,
  known: ReadonlySet<string>,
): void {
  seen.add(id);
  const fields: Fields = {};
  if (parent !== null) {
    fields[PARENT] = parent;
    fields[PARENT_PROP] = prop;
  }
  const record: ElementRecord = { id, type: element.$type, fields };
  out.push(record);
  const children: [Element, string, string][] = [];
  for (const p of element.$descriptor?.properties ?? []) {
    if (p.isVirtual || !hasOwn(element, p.name)) continue;
    const key = p.ns.name;
    // The root keeps its id as a field: its record key is fixed, and a file may have no id at all.
    if (p.isId && id !== ROOT_ID) continue;
    const value = element[p.name];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (p.isReference) {
      if (DERIVED.has(key)) {
        if (key === 'bpmn:flowNodeRef' && Array.isArray(value)) noteLanes(id, value, laneOf);
        continue;
      }
      const ref = refJson(value);
      fields[`r:${key}`] = Array.isArray(ref) ? ref.map((r) => (r as { $ref: string }).$ref) : (ref as { $ref: string } | null)?.$ref ?? null;
      if (fields[`r:${key}`] === null) delete fields[`r:${key}`];
      continue;
    }
    if (p.isAttr || !(isElement(value) || Array.isArray(value))) {
      // moddle writes no attribute equal to its default, so neither do we: one normal form either way.
      if (value === p.default || String(value) === String(p.default ?? '\u0000')) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[`a:${key}`] = value;
      continue;
    }
    const inline: Json[] = [];
    let position = 0;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (!isElement(child)) continue;
      const childId = recordIdOf(child, `${id}__${p.name}${p.isMany ? position : ''}`);
      position++;
      if (childId && !seen.has(childId)) children.push([child, key, childId]);
      else inline.push(toTree(child, DERIVED));
    }
    if (inline.length) fields[`b:${key}`] = p.isMany ? inline : inline[0]!;
  }
  const attrs = ownAttrs(element);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      // moddle's writer declares the namespaces of the packages it knows by itself (and under its own
      // prefixes); only declarations of other vendors' namespaces are content worth keeping.
      if (k.startsWith('xmlns:') && known.has(v)) continue;
      fields[`x:${k}`] = v;
    }
  }
  for (const [child, key, childId] of children) {
    if (seen.has(childId)) continue;
    visit(child, childId, id, key, out, seen, laneOf, known);
  }
}

function knownNamespaces(definitions: Element): ReadonlySet<string> {
  const model = definitions.$model as { getPackages?: () => { uri: string }[] } | undefined;
  return new Set((model?.getPackages?.() ?? []).map((p) => p.uri));
}

/**
 * The record id of a contained element, or null when it stays inline in its parent's fields. An
 * element without an id of its own that holds elements with ids (a BPMNPlane or a lane set in files
 * from some tools) gets a stable id made from where it sits: otherwise every shape would live inside
 * one field, and two people moving different shapes would overwrite each other.
 */
function recordIdOf(element: Element, placeholder: string): string | null {
  if (element.$descriptor?.isGeneric) return null;
  if (typeof element.id === 'string' && element.id !== '' && element.id !== ROOT_ID) return element.id;
  const canHaveId = element.$descriptor?.properties?.some((p) => p.isId);
  return canHaveId && holdsElementsWithIds(element) ? placeholder : null;
}

function holdsElementsWithIds(element: Element): boolean {
  for (const p of element.$descriptor?.properties ?? []) {
    if (p.isReference || p.isAttr || !hasOwn(element, p.name)) continue;
    const value = element[p.name];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isElement(child) && typeof child.id === 'string' && child.id !== '') return true;
    }
  }
  return false;
}

function noteLanes(laneId: string, nodes: unknown[], laneOf: Map<string, string[]>): void {
  for (const node of nodes) {
    if (!isElement(node) || typeof node.id !== 'string') continue;
    const list = laneOf.get(node.id);
    if (list) list.push(laneId);
    else laneOf.set(node.id, [laneId]);
  }
}
