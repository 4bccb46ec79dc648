import type { FlowNodeInfo, StepType } from '@/components/bpmn/flow-modeler';

/** Message keys (editor.step.types.*) of the element types the keyboard dialogs offer or list. */
export const STEP_TYPE_KEYS: Record<StepType, string> = {
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'userTask',
  'bpmn:StartEvent': 'startEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
};

/** An element as a person reads it in a list: its name, or its kind when it has none. */
export function flowNodeLabel(node: FlowNodeInfo, typeName: (key: string) => string): string {
  if (node.name.trim()) return node.name.trim();
  const key = STEP_TYPE_KEYS[node.type as StepType] ?? 'other';
  return `${typeName(key)} (${node.id})`;
}

/** Items grouped by pool, pools in first-seen order: the shape <optgroup> wants. */
export function groupByPool<T extends { poolId: string; poolName: string }>(items: T[]): { poolId: string; poolName: string; items: T[] }[] {
  const groups = new Map<string, { poolId: string; poolName: string; items: T[] }>();
  for (const item of items) {
    const group = groups.get(item.poolId) ?? { poolId: item.poolId, poolName: item.poolName, items: [] };
    group.items.push(item);
    groups.set(item.poolId, group);
  }
  return [...groups.values()];
}
