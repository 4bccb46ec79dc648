// bpmn-js-differ 3 ships no types. It compares two bpmn-moddle definitions and returns, keyed by
// element id, what was added, removed, changed (with old/new attribute values) or moved on the canvas.
declare module 'bpmn-js-differ' {
  import type { ModdleElement } from 'bpmn-moddle';

  export type AttributeChange = { oldValue: unknown; newValue: unknown };

  export type ChangeSet = {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _layoutChanged: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, AttributeChange> }>;
  };

  export function diff(oldDefinitions: ModdleElement, newDefinitions: ModdleElement): ChangeSet;
}
