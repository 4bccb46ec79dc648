import type { Json } from './types';
import { hasOwn, isElement, setParent, type Element, type ModdleFactory } from './moddle-shape';

// Content without an id of its own (documentation, extension elements, bounds, waypoints, conditions)
// as a JSON tree: { "$type": "dc:Bounds", "dc:x": 10, … }. References inside are { "$ref": id }.
// Vendor elements keep their namespace URI, so they serialise again exactly as they came.

export type RefSink = (id: string, assign: (target: Element) => void) => void;

export function toTree(element: Element, skip: ReadonlySet<string>): Json {
  const descriptor = element.$descriptor;
  if (!descriptor || descriptor.isGeneric) return genericTree(element);
  const out: Record<string, Json> = { $type: element.$type };
  for (const p of descriptor.properties ?? []) {
    if (p.isVirtual || !hasOwn(element, p.name) || skip.has(p.ns.name)) continue;
    const value = element[p.name];
    // moddle creates an empty list on first read; an empty list and no list serialise alike.
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (p.isAttr && (value === p.default || String(value) === String(p.default ?? '\u0000'))) continue;
    out[p.ns.name] = p.isReference ? refJson(value) : valueJson(value, skip);
  }
  const attrs = ownAttrs(element);
  if (attrs) out.$attrs = attrs;
  return out;
}

function genericTree(element: Element): Json {
  const out: Record<string, Json> = { $type: element.$type, $uri: element.$descriptor?.ns?.uri ?? '' };
  for (const [key, value] of Object.entries(element)) {
    if (key === '$type' || key === '$parent' || key === '$descriptor' || key === '$model') continue;
    if (key === '$children' && Array.isArray(value)) out.$children = value.filter(isElement).map(genericTree);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** $attrs without xsi:type, which moddle writes itself when the element's type needs it. */
export function ownAttrs(element: Element): Record<string, string> | null {
  const attrs = element.$attrs;
  if (!attrs) return null;
  const out: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(attrs)) {
    // The writer declares the default namespace and xsi:type itself, as the element types need them.
    if (k === 'xsi:type' || k === 'xmlns' || typeof v !== 'string') continue;
    out[k] = v;
    any = true;
  }
  return any ? out : null;
}

export function refJson(value: unknown): Json {
  if (Array.isArray(value)) return value.map(refId).filter((id): id is string => id !== null).map((id) => ({ $ref: id }));
  const id = refId(value);
  return id === null ? null : { $ref: id };
}

function refId(value: unknown): string | null {
  return isElement(value) && typeof value.id === 'string' ? value.id : null;
}

export function valueJson(value: unknown, skip: ReadonlySet<string>): Json {
  if (Array.isArray(value)) return value.map((v) => valueJson(v, skip));
  if (isElement(value)) return toTree(value, skip);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Builds the moddle object(s) of a JSON tree; ids inside are registered, references queued. */
export function fromTree(
  factory: ModdleFactory,
  json: Json,
  register: (id: string, element: Element) => void,
  refs: RefSink,
): unknown {
  if (Array.isArray(json)) return json.map((j) => fromTree(factory, j, register, refs));
  if (json === null || typeof json !== 'object') return json;
  const type = json.$type;
  if (typeof type !== 'string') return undefined;
  if (typeof json.$uri === 'string') return genericFromTree(factory, json, type, json.$uri);
  const element = factory.create(type);
  for (const [key, value] of Object.entries(json)) {
    if (key === '$type') continue;
    if (key === '$attrs' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') element.$attrs![k] = v;
      continue;
    }
    if (isRef(value)) {
      refs(value.$ref, (target) => element.set(key, target));
    } else if (Array.isArray(value) && value.length && value.every(isRef)) {
      const list: Element[] = [];
      element.set(key, list);
      for (const r of value) refs(r.$ref, (target) => list.push(target));
    } else {
      const built = fromTree(factory, value, register, refs);
      element.set(key, built);
      for (const child of Array.isArray(built) ? built : [built]) if (isElement(child)) setParent(child, element);
    }
  }
  if (typeof element.id === 'string') register(element.id, element);
  return element;
}

function genericFromTree(factory: ModdleFactory, json: Record<string, Json>, type: string, uri: string): Element {
  const attrs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === '$type' || key === '$uri') continue;
    if (key === '$children' && Array.isArray(value)) {
      attrs.$children = value.map((child) => {
        const c = child as Record<string, Json>;
        return genericFromTree(factory, c, String(c.$type), typeof c.$uri === 'string' ? c.$uri : uri);
      });
    } else attrs[key] = value;
  }
  return factory.createAny(type, uri, attrs);
}

function isRef(value: Json): value is { $ref: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.$ref === 'string';
}
