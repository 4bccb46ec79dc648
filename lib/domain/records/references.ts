import type { RecordState } from './record-state';
import { PARENT, ROOT_ID, type Json, type Op } from './types';

// A committed state must round-trip through bpmn-moddle: every parent and every reference resolves.
// Checked for what a change touches and for whatever pointed at what it removed.

export function danglingAfter(state: RecordState, ops: readonly Op[]): string[] {
  const removed = new Set(ops.filter((o) => o.op === 'remove').map((o) => o.id));
  const touched = new Set(ops.filter((o) => o.op !== 'remove').map((o) => o.id));
  const inlineIds = removed.size || touched.size ? inlineIdsOf(state) : new Set<string>();
  const exists = (id: string) => state.byId.has(id) || inlineIds.has(id) || id === ROOT_ID;
  const dangling = new Set<string>();
  for (const record of state.byId.values()) {
    const check = touched.has(record.id) || (removed.size > 0 && pointsAtAny(record.fields, removed));
    if (!check) continue;
    for (const id of referencedIds(record.fields)) {
      if (!exists(id)) dangling.add(record.id);
    }
  }
  return [...dangling];
}

function pointsAtAny(fields: Record<string, Json>, ids: ReadonlySet<string>): boolean {
  for (const id of referencedIds(fields)) if (ids.has(id)) return true;
  return false;
}

function* referencedIds(fields: Record<string, Json>): Generator<string> {
  for (const [key, value] of Object.entries(fields)) {
    if (key === PARENT && typeof value === 'string') yield value;
    else if (key.startsWith('r:')) {
      if (typeof value === 'string') yield value;
      else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') yield v;
    } else if (key.startsWith('b:')) yield* treeRefs(value);
  }
}

function* treeRefs(value: Json): Generator<string> {
  if (Array.isArray(value)) {
    for (const v of value) yield* treeRefs(v);
  } else if (value && typeof value === 'object') {
    if (typeof value.$ref === 'string') yield value.$ref;
    else for (const v of Object.values(value)) yield* treeRefs(v);
  }
}

const inlineCache = new WeakMap<RecordState, Set<string>>();

/** Ids of elements that live inside another record's content (a lane set without an id of its own …). */
function inlineIdsOf(state: RecordState): Set<string> {
  const cached = inlineCache.get(state);
  if (cached) return cached;
  const ids = new Set<string>();
  const walk = (value: Json) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'bpmn:id' || k === 'di:id' || k === 'dc:id') && typeof v === 'string') ids.add(v);
        else if (typeof v === 'object') walk(v);
      }
    }
  };
  for (const record of state.byId.values()) {
    for (const [key, value] of Object.entries(record.fields)) if (key.startsWith('b:')) walk(value);
  }
  inlineCache.set(state, ids);
  return ids;
}
