import type { ElementRecord, Fields, Json, Op } from './types';

// An ordered, immutable-by-convention collection of records. Order is document order (new records go
// last); it only decides the order of elements in the XML, never their meaning.

export type RecordState = {
  readonly order: readonly string[];
  readonly byId: ReadonlyMap<string, ElementRecord>;
};

export function stateOf(records: readonly ElementRecord[]): RecordState {
  const byId = new Map<string, ElementRecord>();
  const order: string[] = [];
  for (const r of records) {
    if (!byId.has(r.id)) order.push(r.id);
    byId.set(r.id, r);
  }
  return { order, byId };
}

export function recordsOf(state: RecordState): ElementRecord[] {
  return state.order.map((id) => state.byId.get(id)!).filter(Boolean);
}

export type ApplyFailure = { reason: 'ELEMENT_REMOVED'; elementIds: string[] };

export class ApplyError extends Error {
  constructor(readonly failure: ApplyFailure) {
    super(`Cannot apply: ${failure.reason} ${failure.elementIds.join(', ')}`);
  }
}

/**
 * Applies ops in order. A put replaces (or creates) a record; a patch on a record that is gone fails
 * (someone removed what this change edits); removing what is already gone is a no-op, so two people
 * deleting the same step both succeed.
 */
export function applyOps(state: RecordState, ops: readonly Op[]): RecordState {
  const byId = new Map(state.byId);
  let order: string[] | null = null;
  const missing: string[] = [];
  for (const op of ops) {
    if (op.op === 'put') {
      if (!byId.has(op.id)) (order ??= [...state.order]).push(op.id);
      byId.set(op.id, { id: op.id, type: op.type, fields: { ...op.fields } });
    } else if (op.op === 'patch') {
      const current = byId.get(op.id);
      if (!current) {
        missing.push(op.id);
        continue;
      }
      byId.set(op.id, { ...current, fields: patchFields(current.fields, op.fields) });
    } else if (byId.delete(op.id)) {
      order ??= [...state.order];
    }
  }
  if (missing.length) throw new ApplyError({ reason: 'ELEMENT_REMOVED', elementIds: [...new Set(missing)] });
  // An element removed and put back in one batch keeps its first place (and is listed once).
  const finalOrder = order ? [...new Set(order)].filter((id) => byId.has(id)) : state.order;
  return { order: finalOrder, byId };
}

export function patchFields(fields: Fields, patch: Record<string, Json>): Fields {
  const next: Fields = { ...fields };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Deep equality of JSON values (field values are small: a name, a bounds object, a waypoint list). */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => k in b && jsonEqual(a[k], (b as Record<string, Json>)[k]));
}

/** The ops that turn `before` into `after`: the raw change set, per element and field. */
export function diffStates(before: RecordState, after: RecordState): Op[] {
  const ops: Op[] = [];
  for (const id of before.order) {
    if (!after.byId.has(id)) ops.push({ op: 'remove', id });
  }
  for (const id of after.order) {
    const next = after.byId.get(id)!;
    const prev = before.byId.get(id);
    if (!prev || prev.type !== next.type) {
      if (prev) ops.push({ op: 'remove', id });
      ops.push({ op: 'put', id, type: next.type, fields: next.fields });
      continue;
    }
    const patch = diffFields(prev.fields, next.fields);
    if (patch) ops.push({ op: 'patch', id, fields: patch });
  }
  return ops;
}

export function diffFields(prev: Fields, next: Fields): Record<string, Json> | null {
  const patch: Record<string, Json> = {};
  let any = false;
  for (const key of Object.keys(prev)) {
    if (!(key in next)) {
      patch[key] = null;
      any = true;
    }
  }
  for (const [key, value] of Object.entries(next)) {
    if (!jsonEqual(prev[key], value)) {
      patch[key] = value;
      any = true;
    }
  }
  return any ? patch : null;
}

/** Ids an op list touches, for notices and for undo bookkeeping. */
export function touchedIds(ops: readonly Op[]): string[] {
  return [...new Set(ops.map((o) => o.id))];
}
