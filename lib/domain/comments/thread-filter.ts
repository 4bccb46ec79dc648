// What the comments list shows and what the badges count, from the threads as the API gives them.
// Pure, so the panel, present mode and tests agree.

export type ThreadSummary = {
  elementId: string | null;
  elementRemoved: boolean;
  kind: 'comment' | 'suggestion';
  status: 'open' | 'resolved' | 'accepted' | 'rejected';
  addressedToOrganisationId: string | null;
};

export type ThreadFilter = {
  status: 'open' | 'closed' | 'all';
  kind: 'all' | 'comment' | 'suggestion';
  /** Only threads addressed to one of these organisations (null: no such filter). */
  addressedTo: readonly string[] | null;
};

export const DEFAULT_FILTER: ThreadFilter = { status: 'open', kind: 'all', addressedTo: null };

export function filterThreads<T extends ThreadSummary>(threads: readonly T[], filter: ThreadFilter): T[] {
  return threads.filter(
    (t) =>
      (filter.status === 'all' || (filter.status === 'open') === (t.status === 'open')) &&
      (filter.kind === 'all' || t.kind === filter.kind) &&
      (filter.addressedTo === null || (t.addressedToOrganisationId !== null && filter.addressedTo.includes(t.addressedToOrganisationId))),
  );
}

/** Open threads per element still in the flow: what the badges on the canvas show. */
export function openCountsByElement(threads: readonly ThreadSummary[]): { elementId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of threads) {
    if (t.status !== 'open' || t.elementId === null || t.elementRemoved) continue;
    counts.set(t.elementId, (counts.get(t.elementId) ?? 0) + 1);
  }
  return [...counts].map(([elementId, count]) => ({ elementId, count }));
}
