import { ownershipOf, type Owner } from './ownership';
import type { RecordState } from './record-state';
import { jsonEqual } from './record-state';
import type { ElementRecord, Json } from './types';

// The raw change set between two states of a flow, one entry per element record that differs: what
// the history's diff, its change sentences and anything else that reports changes are views of.

export type ElementChange = {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  type: string;
  before: ElementRecord | null;
  after: ElementRecord | null;
  /** The fields whose values differ (every field of an added or removed record). */
  fields: string[];
  /** A diagram shape or edge (bounds, waypoints, label): `subject` is the element it draws. */
  layout: boolean;
  subject: string;
  /** Whose part of the flow it is, in the state it is found in (the old one for a removed element). */
  owner: Owner;
};

const DRAWN_FIELD = 'r:bpmndi:bpmnElement';
const LAYOUT_TYPES = new Set(['bpmndi:BPMNShape', 'bpmndi:BPMNEdge']);

export function changeSetOf(before: RecordState, after: RecordState, ownerOrganisationId: string): ElementChange[] {
  const owners = { before: ownershipOf(before, ownerOrganisationId), after: ownershipOf(after, ownerOrganisationId) };
  const out: ElementChange[] = [];
  const ids = [...before.order, ...after.order.filter((id) => !before.byId.has(id))];
  for (const id of ids) {
    const old = before.byId.get(id) ?? null;
    const now = after.byId.get(id) ?? null;
    if (old && now && old === now) continue;
    const fields = changedFields(old, now);
    if (old && now && fields.length === 0 && old.type === now.type) continue;
    const record = (now ?? old)!;
    const drawn = record.fields[DRAWN_FIELD];
    out.push({
      id,
      kind: !old ? 'added' : !now ? 'removed' : 'changed',
      type: record.type,
      before: old,
      after: now,
      fields,
      layout: LAYOUT_TYPES.has(record.type),
      subject: typeof drawn === 'string' ? drawn : id,
      owner: (now ? owners.after : owners.before).ownerOf(id),
    });
  }
  return out;
}

function changedFields(old: ElementRecord | null, now: ElementRecord | null): string[] {
  const a = old?.fields ?? {};
  const b = now?.fields ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !jsonEqual(a[key] as Json | undefined, b[key] as Json | undefined));
}
