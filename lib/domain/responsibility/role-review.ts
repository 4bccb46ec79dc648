import { RACI_LETTERS, type RaciLetter } from './raci';

// The role review's order (issue 11): flows by name in Swedish order, then each flow's elements in
// flow order, each with its letters in RACI order. Pure, so the data access can read the rows in
// whatever order is cheapest for PostgreSQL.

export type RoleReviewItem = {
  flowId: string;
  flowName: string;
  elementId: string;
  name: string;
  kind: 'ACTIVITY' | 'HANDOVER';
  letters: RaciLetter[];
};

/** One element where the role holds letters, as the projection stores it; `letters` is the letters run together, any order ("AR"). */
export type RoleElementRow = {
  flowId: string;
  elementId: string;
  name: string;
  kind: 'ACTIVITY' | 'HANDOVER';
  position: number;
  letters: string;
};

const collator = new Intl.Collator('sv');

/**
 * The review's items: only elements of the flows in `flowNames` (those the actor may see), flows by
 * name (ties by id, so the order is stable), elements by position within a flow. The rows are
 * bucketed per flow first, so the collator compares the flows' names only, never the thousands of items.
 */
export function orderRoleReview(rows: readonly RoleElementRow[], flowNames: ReadonlyMap<string, string>): RoleReviewItem[] {
  const byFlow = new Map<string, RoleElementRow[]>();
  for (const row of rows) {
    const bucket = byFlow.get(row.flowId);
    if (bucket) bucket.push(row);
    else if (flowNames.has(row.flowId)) byFlow.set(row.flowId, [row]);
  }
  const flows = [...byFlow.keys()]
    .map((id) => ({ id, name: flowNames.get(id)! }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // At most 15 distinct letter sets: each put in RACI order once, copied per item.
  const inRaciOrder = new Map<string, RaciLetter[]>();
  const items: RoleReviewItem[] = [];
  for (const flow of flows) {
    for (const element of byFlow.get(flow.id)!.sort((a, b) => a.position - b.position)) {
      let letters = inRaciOrder.get(element.letters);
      if (!letters) inRaciOrder.set(element.letters, (letters = RACI_LETTERS.filter((l) => element.letters.includes(l))));
      items.push({ flowId: flow.id, flowName: flow.name, elementId: element.elementId, name: element.name, kind: element.kind, letters: [...letters] });
    }
  }
  return items;
}
