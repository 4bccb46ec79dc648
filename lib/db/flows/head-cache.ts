import type { RecordState } from '@/lib/domain/records/record-state';
import type { ProjectionRows } from './projection-rows';

// What this app instance last saw of a flow's head, so a commit need not read and parse every element
// record (or rebuild the responsibility projection) again. It is only ever a shortcut: every use
// checks the version against PostgreSQL under the flow's row lock, a stale entry is caught up from the
// change log or ignored, and losing it (a restart, another instance) costs time, never correctness.

export type CachedHead = {
  version: number;
  state: RecordState;
  /** The responsibility projection rows of exactly this state, when known. */
  projection: ProjectionRows | null;
};

/** Enough for every flow being edited at once on one instance; the least recently used goes first. */
const CAPACITY = 256;
const heads = new Map<string, CachedHead>();

export function cachedHead(flowId: string): CachedHead | undefined {
  const entry = heads.get(flowId);
  if (entry) {
    heads.delete(flowId);
    heads.set(flowId, entry);
  }
  return entry;
}

/** Call only after the transaction that made this state has committed. */
export function rememberHead(flowId: string, entry: CachedHead): void {
  const current = heads.get(flowId);
  // Two requests may finish out of order: never go back to an older version, nor forget a projection.
  if (current && (current.version > entry.version || (current.version === entry.version && current.projection && !entry.projection))) return;
  heads.delete(flowId);
  heads.set(flowId, entry);
  while (heads.size > CAPACITY) heads.delete(heads.keys().next().value!);
}
