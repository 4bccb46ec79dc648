import type { ModdleElement, ParseWarning } from 'bpmn-moddle';

// BPMN writes references as QNames (xsd:QName): `bpmnElement="bpmn2:Task_1"` and
// `<incoming>bpmn2:Flow_1</incoming>` are valid and mean the element with id "Task_1" / "Flow_1" of
// this document. Our reader looks ids up literally, so such a file lost every shape and edge. A prefix
// bound to BPMN's model or DI namespace, or to the document's own targetNamespace, names this document:
// those references are looked up again without the prefix. Any other prefix (another document) stays
// unresolved and is reported as before.

const OWN_NAMESPACES = ['http://www.omg.org/spec/BPMN/20100524/MODEL', 'http://www.omg.org/spec/BPMN/20100524/DI'];

type PropertyDescriptor = { name: string; isMany?: boolean };
type Described = { $descriptor?: { propertiesByName?: Record<string, PropertyDescriptor> } };

/** Prefixes declared on the root that name this document (the root is where every tool declares them). */
function ownPrefixes(definitions: ModdleElement): Set<string> {
  const own = new Set([...OWN_NAMESPACES, definitions.get('targetNamespace')].filter((uri): uri is string => typeof uri === 'string' && uri !== ''));
  const prefixes = new Set<string>();
  for (const [attribute, uri] of Object.entries(definitions.$attrs ?? {})) {
    if (attribute.startsWith('xmlns:') && own.has(uri)) prefixes.add(attribute.slice('xmlns:'.length));
  }
  return prefixes;
}

/**
 * Resolves the unresolved references whose value is `prefix:id` with a prefix of this document, the
 * way the reader would have: a single reference is set, one in a collection (incoming, flowNodeRef …)
 * is added. Returns the warnings that are still unresolved.
 */
export function resolvePrefixedReferences(
  definitions: ModdleElement,
  elementsById: Record<string, ModdleElement>,
  unresolved: ParseWarning[],
): ParseWarning[] {
  if (unresolved.length === 0) return unresolved;
  const prefixes = ownPrefixes(definitions);
  if (prefixes.size === 0) return unresolved;
  return unresolved.filter((warning) => {
    const { element, property, value } = warning;
    const colon = value?.indexOf(':') ?? -1;
    if (!element || !property || !value || colon < 1 || !prefixes.has(value.slice(0, colon))) return true;
    const target = elementsById[value.slice(colon + 1)];
    const descriptor = (element as Described).$descriptor?.propertiesByName?.[property];
    if (!target || !descriptor) return true;
    if (descriptor.isMany) {
      const collection = element.get(descriptor.name);
      if (!Array.isArray(collection)) return true;
      collection.push(target);
    } else {
      element.set(descriptor.name, target);
    }
    return false;
  });
}
