// The part of moddle's reflective API the record conversion reads: each element's descriptor lists
// its properties with their kind (attribute, reference, containment, many). Generic elements (vendor
// XML moddle has no package for) carry their content as own keys instead.

export type PropertyDescriptor = {
  name: string;
  ns: { name: string; prefix?: string; localName?: string };
  isAttr?: boolean;
  isReference?: boolean;
  isMany?: boolean;
  isId?: boolean;
  isVirtual?: boolean;
  isBody?: boolean;
  type?: string;
  default?: unknown;
};

export type Descriptor = {
  name: string;
  isGeneric?: boolean;
  ns?: { prefix?: string; localName?: string; uri?: string };
  properties?: PropertyDescriptor[];
  propertiesByName?: Record<string, PropertyDescriptor>;
};

export type Element = {
  $type: string;
  $descriptor?: Descriptor;
  $attrs?: Record<string, string>;
  $parent?: Element;
  id?: unknown;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  $instanceOf(type: string): boolean;
  [key: string]: unknown;
};

export type ModdleFactory = {
  create(type: string, attrs?: Record<string, unknown>): Element;
  createAny(type: string, uri: string, attrs?: Record<string, unknown>): Element;
};

export function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && typeof (value as Element).$type === 'string';
}

export function hasOwn(element: Element, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(element, key);
}

/** moddle keeps $parent out of the serialised properties; so do we. */
export function setParent(child: Element, parent: Element): void {
  // moddle defines $parent on each element, non-enumerable and writable.
  if (hasOwn(child, '$parent')) child.$parent = parent;
  else Object.defineProperty(child, '$parent', { value: parent, writable: true, configurable: true, enumerable: false });
}

/** Lists BPMN derives from relations kept elsewhere: rebuilt from the child side, never stored. */
export const DERIVED = new Set(['bpmn:incoming', 'bpmn:outgoing', 'bpmn:flowNodeRef']);
