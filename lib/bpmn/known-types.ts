import type { RecordState } from '@/lib/domain/records/record-state';
import { PARENT, PARENT_PROP, ROOT_ID, type Json, type Op } from '@/lib/domain/records/types';
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

const flowNodes = new Map<string, boolean>();

/** Whether elements of this BPMN type are flow nodes (events, activities, gateways): what flow order places. */
export function isFlowNodeType(type: string): boolean {
  let answer = flowNodes.get(type);
  if (answer === undefined) {
    try {
      answer = (sharedModdle() as unknown as Registry).getType(type).prototype.$instanceOf('bpmn:FlowNode');
    } catch {
      answer = false;
    }
    flowNodes.set(type, answer);
  }
  return answer;
}

type PropertyInfo = { isReference?: boolean; isAttr?: boolean; isMany?: boolean; type?: string };
type Registry = {
  getType(type: string): { prototype: { $instanceOf(t: string): boolean; $descriptor: { propertiesByName: Record<string, PropertyInfo> } } };
};

/**
 * Every record a change places must sit where BPMN allows it: its parent's type has that containment
 * property, and the property takes the record's type (a task in flowElements, a shape in a plane).
 * Otherwise the head would no longer serialise as the BPMN the client meant.
 */
export function assertContainment(state: RecordState, ops: readonly Op[]): void {
  const moddle = sharedModdle() as unknown as Registry;
  const bad = new Set<string>();
  for (const op of ops) {
    if (op.op === 'remove') continue;
    if (op.op === 'patch' && !(PARENT in op.fields) && !(PARENT_PROP in op.fields)) continue;
    const record = state.byId.get(op.id);
    if (!record || record.id === ROOT_ID) continue;
    const parent = record.fields[PARENT];
    const prop = record.fields[PARENT_PROP];
    const parentType = typeof parent === 'string' ? state.byId.get(parent)?.type : undefined;
    if (!parentType || typeof prop !== 'string') {
      bad.add(op.id);
      continue;
    }
    try {
      const property = moddle.getType(parentType).prototype.$descriptor.propertiesByName[prop];
      const fits = property && !property.isReference && !property.isAttr && property.type && moddle.getType(record.type).prototype.$instanceOf(property.type);
      if (!fits) bad.add(op.id);
    } catch {
      bad.add(op.id);
    }
  }
  if (bad.size) {
    throw new AppError('INVALID', `The change places elements where BPMN does not allow them: ${[...bad].slice(0, 5).join(', ')}.`, {
      reason: 'MISPLACED_ELEMENT',
      elementIds: [...bad],
    });
  }
}

type DefaultInfo = { default?: unknown };

/**
 * The ops in the head's normal form: an attribute set to its BPMN default is the attribute left out
 * (moddle writes no such attribute, and records read from XML never carry one). A client that sends
 * `isInterrupting: true` would otherwise leave the head differing from its own XML, and every screen
 * would keep finding a change that is not there.
 */
export function normaliseOps(state: RecordState, ops: readonly Op[]): Op[] {
  const moddle = sharedModdle() as unknown as { getType(type: string): { prototype: { $descriptor: { propertiesByName: Record<string, DefaultInfo> } } } };
  const typeOf = new Map<string, string>();
  const isDefault = (type: string | undefined, key: string, value: Json): boolean => {
    if (!type || !key.startsWith('a:') || value === null || typeof value === 'object') return false;
    let property: DefaultInfo | undefined;
    try {
      property = moddle.getType(type).prototype.$descriptor.propertiesByName[key.slice(2)];
    } catch {
      return false; // an unknown type is refused elsewhere
    }
    return property?.default !== undefined && (value === property.default || String(value) === String(property.default));
  };
  return ops.map((op): Op => {
    if (op.op === 'remove') return op;
    const type = op.op === 'put' ? op.type : (typeOf.get(op.id) ?? state.byId.get(op.id)?.type);
    if (op.op === 'put') typeOf.set(op.id, op.type);
    const defaults = Object.entries(op.fields).filter(([key, value]) => isDefault(type, key, value));
    if (defaults.length === 0) return op;
    if (op.op === 'put') return { ...op, fields: Object.fromEntries(Object.entries(op.fields).filter(([key, value]) => !isDefault(type, key, value))) };
    const fields = { ...op.fields };
    for (const [key] of defaults) fields[key] = null;
    return { ...op, fields };
  });
}
