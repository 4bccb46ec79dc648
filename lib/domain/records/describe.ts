import type { RecordState } from './record-state';

const TYPE_KEYS: Record<string, string> = {
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'userTask',
  'bpmn:StartEvent': 'startEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
};

/**
 * An element as a person names it: "”Skicka inskrivningsmeddelande”", or its kind when it has no name
 * ("Uppgift"); a diagram shape or edge is named after the element it draws. Never a bare internal id.
 */
export function describeRecord(state: RecordState, id: string, typeName: (key: string) => string): string {
  const record = state.byId.get(id);
  const drawn = record?.fields['r:bpmndi:bpmnElement'];
  const subject = typeof drawn === 'string' ? state.byId.get(drawn) : record;
  const name = subject?.fields['a:bpmn:name'];
  if (typeof name === 'string' && name.trim()) return `”${name.trim()}”`;
  return typeName(TYPE_KEYS[subject?.type ?? ''] ?? 'other');
}
