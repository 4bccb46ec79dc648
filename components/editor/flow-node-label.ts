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

export type NodeWords = {
  /** The word for a kind of element, by STEP_TYPE_KEYS key ('task', 'other' …). */
  typeName: (key: string) => string;
  /** "{type} i {lane}": an unnamed element placed by its lane. */
  inLane: (values: { type: string; lane: string }) => string;
};

/**
 * An element as a person reads it in a list: its name, or, unnamed, its kind and its lane ("Exklusiv
 * gateway i Läkare"), numbered from the left when its lane has several unnamed ones of that kind. Never
 * its internal id, which means nothing to people.
 */
export function flowNodeLabel(node: FlowNodeInfo, words: NodeWords, all: readonly FlowNodeInfo[] = [node]): string {
  if (node.name.trim()) return node.name.trim();
  const twins = all.filter((n) => !n.name.trim() && n.type === node.type && n.poolId === node.poolId && n.laneName === node.laneName);
  const kind = words.typeName(STEP_TYPE_KEYS[node.type as StepType] ?? 'other');
  const type = twins.length > 1 ? `${kind} ${twins.findIndex((n) => n.id === node.id) + 1}` : kind;
  return node.laneName?.trim() ? words.inLane({ type, lane: node.laneName.trim() }) : type;
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
