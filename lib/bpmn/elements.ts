import type { ModdleElement } from 'bpmn-moddle';

// Moddle elements are dynamic objects; these small readers give the rest of lib/ typed access
// without casting at every call site.

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

/** A collection property (flowElements, lanes, planeElement …); empty when unset. */
export function childrenOf(element: ModdleElement, property: string): ModdleElement[] {
  const value = element.get(property);
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** A single reference or containment property (processRef, bpmnElement, bounds …). */
export function refOf(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element.get(property);
  return isModdleElement(value) ? value : undefined;
}

export function stringOf(element: ModdleElement, property: string): string | undefined {
  const value = element.get(property);
  return typeof value === 'string' ? value : undefined;
}

export function is(element: ModdleElement | undefined, type: string): boolean {
  return Boolean(element && element.$instanceOf(type));
}

/** Every element reachable through containment (not references), the root first. */
export function walkContained(root: ModdleElement, visit: (element: ModdleElement) => void): void {
  const seen = new Set<ModdleElement>();
  const stack: ModdleElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as ModdleElement;
    if (seen.has(element)) continue;
    seen.add(element);
    visit(element);
    for (const child of containedChildren(element)) stack.push(child);
  }
}

type PropertyDescriptor = { name: string; isReference?: boolean; isAttr?: boolean };

function containedChildren(element: ModdleElement): ModdleElement[] {
  const descriptor = (element as { $descriptor?: { properties?: PropertyDescriptor[] } }).$descriptor;
  const out: ModdleElement[] = [];
  for (const property of descriptor?.properties ?? []) {
    if (property.isReference || property.isAttr) continue;
    const value = element.get(property.name);
    if (Array.isArray(value)) out.push(...value.filter(isModdleElement));
    else if (isModdleElement(value)) out.push(value);
  }
  return out.reverse();
}

/** Removes `element` from whichever collection of its parent holds it. */
export function detach(element: ModdleElement): void {
  const parent = element.$parent;
  if (!parent) return;
  for (const key of Object.keys(parent)) {
    const value = parent[key];
    if (!Array.isArray(value)) continue;
    const index = value.indexOf(element);
    if (index !== -1) value.splice(index, 1);
  }
}

/** Removes `element` from a reference collection such as incoming/outgoing/flowNodeRef. */
export function removeFrom(owner: ModdleElement | undefined, property: string, element: ModdleElement): void {
  if (!owner) return;
  const value = owner.get(property);
  if (!Array.isArray(value)) return;
  const index = value.indexOf(element);
  if (index !== -1) value.splice(index, 1);
}
