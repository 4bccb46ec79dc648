import type { ModdleElement } from 'bpmn-moddle';
import { isModdleElement } from './elements';
import type { BpmnWarning } from './warnings';

// Vendor data in no namespace (`<Grid xmlns="" …/>` inside extensionElements, seen from Bizagi-like
// tools) is read as a generic element, but BPMN's XML writer can only write elements in a namespace:
// saving such a file failed ("no namespace uri given for prefix"). Nothing in Stafett or bpmn-js reads
// that data and no other tool can tell whose it is, so it is dropped and the import says so.

type Generic = { $descriptor?: { ns?: { uri?: string; localName?: string } } };

function isNamespaceless(element: ModdleElement): boolean {
  return (element as Generic).$descriptor?.ns?.uri === '';
}

/** Removes every element in no namespace, wherever it hangs (extension values, generic children). */
export function dropNamespacelessElements(definitions: ModdleElement): BpmnWarning[] {
  const warnings: BpmnWarning[] = [];
  const seen = new Set<ModdleElement>();
  // Each element with the id of its nearest identified ancestor: vendor wrappers have no id of their own.
  const stack: [ModdleElement, string | undefined][] = [[definitions, definitions.id]];
  while (stack.length > 0) {
    const [element, inherited] = stack.pop()!;
    if (seen.has(element)) continue;
    seen.add(element);
    const owner = element.id ?? inherited;
    for (const key of new Set([...Object.keys(element), '$children'])) {
      if (key === '$parent') continue;
      const value: unknown = element[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child: unknown = value[i];
          if (!isModdleElement(child)) continue;
          if (isNamespaceless(child)) {
            value.splice(i, 1);
            warnings.push(dropped(child, owner));
          } else stack.push([child, owner]);
        }
      } else if (isModdleElement(value)) {
        if (isNamespaceless(value)) {
          delete element[key];
          warnings.push(dropped(value, owner));
        } else stack.push([value, owner]);
      }
    }
  }
  return warnings.reverse();
}

function dropped(element: ModdleElement, owner: string | undefined): BpmnWarning {
  const name = (element as Generic).$descriptor?.ns?.localName ?? element.$type;
  return {
    code: 'UNKNOWN_CONTENT',
    elementId: owner,
    message: `Content Stafett does not understand was skipped: <${name}>${owner ? ` in "${owner}"` : ''} has no XML namespace, so no tool can tell whose it is.`,
  };
}
