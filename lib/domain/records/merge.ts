import { diffStates, jsonEqual, type RecordState } from './record-state';
import type { Json, Op } from './types';

// A whole document sent with an older base (a script, an import over an old export) is merged
// three-way, per element and field: base = the version it was made from, ours = the document,
// theirs = the head. Changes to different elements or fields both stand; the same field changed to
// different values on both sides, or an element one side removed and the other changed, is a conflict.

export type MergeResult = { ok: true; ops: Op[] } | { ok: false; elementIds: string[] };

export function mergeThreeWay(base: RecordState, ours: RecordState, theirs: RecordState): MergeResult {
  const conflicts = new Set<string>();
  const out: Op[] = [];
  for (const op of diffStates(base, ours)) {
    const head = theirs.byId.get(op.id);
    const was = base.byId.get(op.id);
    if (op.op === 'remove') {
      if (!head) continue;
      if (was && !jsonEqual(recordJson(head), recordJson(was))) conflicts.add(op.id);
      else out.push(op);
    } else if (op.op === 'put') {
      if (!head) out.push(op);
      else if (was && (head.type !== was.type || !jsonEqual(head.fields, was.fields))) conflicts.add(op.id);
      else if (!was && (head.type !== op.type || !jsonEqual(head.fields, op.fields))) conflicts.add(op.id);
      else if (head.type !== op.type || !jsonEqual(head.fields, op.fields)) out.push(op);
    } else {
      if (!head) {
        conflicts.add(op.id);
        continue;
      }
      const fields: Record<string, Json> = {};
      for (const [key, value] of Object.entries(op.fields)) {
        const baseValue = was?.fields[key];
        const headValue = head.fields[key];
        if (jsonEqual(headValue ?? null, value)) continue; // both sides agree
        if (!jsonEqual(headValue, baseValue)) conflicts.add(op.id);
        else fields[key] = value;
      }
      if (Object.keys(fields).length) out.push({ op: 'patch', id: op.id, fields });
    }
  }
  return conflicts.size ? { ok: false, elementIds: [...conflicts] } : { ok: true, ops: out };
}

function recordJson(record: { type: string; fields: Record<string, Json> }): Json {
  return { type: record.type, fields: record.fields };
}
