import type { Json, Op } from '@/lib/domain/records/types';
import { AppError } from '@/lib/errors';
import { sharedModdle } from './moddle';

// A batch names element types; the server rebuilds XML from them, so an unknown type must be refused
// at the door (400), not found later as a crash while serialising.

const known = new Map<string, boolean>();

function isKnownType(type: string): boolean {
  let ok = known.get(type);
  if (ok === undefined) {
    try {
      (sharedModdle() as unknown as { getType(t: string): unknown }).getType(type);
      ok = true;
    } catch {
      ok = false;
    }
    known.set(type, ok);
  }
  return ok;
}

export function assertKnownTypes(ops: readonly Op[]): void {
  const bad = new Set<string>();
  for (const op of ops) {
    if (op.op === 'put' && !isKnownType(op.type)) bad.add(op.id);
    if (op.op !== 'remove') {
      for (const value of Object.values(op.fields)) if (!treeTypesKnown(value)) bad.add(op.id);
    }
  }
  if (bad.size) {
    throw new AppError('INVALID', `Unknown BPMN element types in the change: ${[...bad].slice(0, 5).join(', ')}.`, {
      reason: 'UNKNOWN_TYPE',
      elementIds: [...bad],
    });
  }
}

function treeTypesKnown(value: Json): boolean {
  if (Array.isArray(value)) return value.every(treeTypesKnown);
  if (!value || typeof value !== 'object') return true;
  // Vendor content carries its namespace URI and is written back as it came.
  if (typeof value.$uri === 'string') return true;
  if (typeof value.$type === 'string' && !isKnownType(value.$type)) return false;
  return Object.entries(value).every(([k, v]) => k === '$type' || treeTypesKnown(v));
}
