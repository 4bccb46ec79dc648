import type { RaciLetter } from './raci';

// The role review's order (issue 11): flows by name in Swedish order, then each flow's elements in
// flow order, each with its letters in RACI order.

export type RoleReviewItem = {
  flowId: string;
  flowName: string;
  elementId: string;
  name: string;
  kind: 'ACTIVITY' | 'HANDOVER';
  letters: RaciLetter[];
};

/** One element of a flow where the role holds letters. */
export type RoleReviewElement = { elementId: string; name: string; kind: 'ACTIVITY' | 'HANDOVER'; letters: RaciLetter[] };

/** The role's elements in one flow, already in flow order with their letters in RACI order (as the read model keeps them). */
export type RoleReviewFlow = { flowId: string; flowName: string; elements: RoleReviewElement[] };

const collator = new Intl.Collator('sv');

/**
 * The review's items: the flows by name (ties by id, so the order is stable), each flow's elements as
 * given. The collator compares the flows' names only, never the thousands of items.
 */
export function orderRoleReview(flows: readonly RoleReviewFlow[]): RoleReviewItem[] {
  const sorted = [...flows].sort((a, b) => collator.compare(a.flowName, b.flowName) || (a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : 0));
  const items: RoleReviewItem[] = [];
  for (const { flowId, flowName, elements } of sorted) {
    for (const { elementId, name, kind, letters } of elements) items.push({ flowId, flowName, elementId, name, kind, letters });
  }
  return items;
}
