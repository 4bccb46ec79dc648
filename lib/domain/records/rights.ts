import { ORGANISATION_FIELD, ownershipOf, PROCESS_REF_FIELD, type Owner, type Ownership } from './ownership';
import type { RecordState } from './record-state';
import type { Op } from './types';

// Each organisation edits its own pool. Decided per op from the stored state (who owns an element
// now) and from the state the change would make (where a new or moved element lands): never from
// what the client says an element belongs to.

export type PoolRights = {
  ownerOrganisationId: string;
  /** Organisations in whose pools the author may edit (editor or admin there). */
  editableOrganisationIds: ReadonlySet<string>;
  /** Admin of the owner organisation: may add, remove and relink pools and change the flow's settings. */
  ownerAdmin: boolean;
};

/** PoolRights as plain data (for a client component). */
export type EditorRights = { ownerOrganisationId: string; editableOrganisationIds: string[]; ownerAdmin: boolean };

export function fromEditorRights(r: EditorRights): PoolRights {
  return { ownerOrganisationId: r.ownerOrganisationId, editableOrganisationIds: new Set(r.editableOrganisationIds), ownerAdmin: r.ownerAdmin };
}

export type RightsRefusal = { reason: 'OTHER_ORGANISATION' | 'FLOW_ADMIN_ONLY'; elementIds: string[] };

export function checkRights(before: RecordState, after: RecordState, ops: readonly Op[], rights: PoolRights): RightsRefusal | null {
  const was = ownershipOf(before, rights.ownerOrganisationId);
  const willBe = ownershipOf(after, rights.ownerOrganisationId);
  const poolsAddedOrRemoved = new Set(
    ops.filter((o) => o.op !== 'patch' && (before.byId.get(o.id) ?? after.byId.get(o.id))?.type === 'bpmn:Participant').map((o) => o.id),
  );
  // A pool linked to an organisation for the first time (after an import) takes its lanes along:
  // what lies inside it is judged by who owned it until now.
  const poolsFirstLinked = new Set(
    ops.filter((o) => o.op === 'patch' && before.byId.get(o.id)?.type === 'bpmn:Participant' && isFirstLinkByOwner(o, before, rights)).map((o) => o.id),
  );
  const adminOnly = new Set<string>();
  const otherOrganisation = new Set<string>();

  const mayEdit = (owner: Owner, ownership: Ownership, id: string): boolean => {
    switch (owner.kind) {
      case 'shared':
        return true;
      case 'flow':
        if (!rights.ownerAdmin) adminOnly.add(ownership.subjectOf(id));
        return true;
      case 'border':
        return owner.organisationIds.some((o) => rights.editableOrganisationIds.has(o));
      case 'organisation':
        // Whatever comes or goes with a pool is part of adding or removing that pool.
        if (owner.participantId && poolsAddedOrRemoved.has(owner.participantId)) {
          if (!rights.ownerAdmin) adminOnly.add(ownership.subjectOf(id));
          return true;
        }
        return rights.editableOrganisationIds.has(owner.organisationId);
    }
  };

  for (const op of ops) {
    const type = (before.byId.get(op.id) ?? after.byId.get(op.id))?.type;
    if (type === 'bpmn:Participant' && isPoolLinkChange(op, before)) {
      if (!rights.ownerAdmin && !isFirstLinkByOwner(op, before, rights)) adminOnly.add(op.id);
      continue;
    }
    const checks: [Ownership, boolean][] = [];
    if (op.op !== 'put' && before.byId.has(op.id)) checks.push([was, true]);
    const afterOwner = after.byId.has(op.id) ? willBe.ownerOf(op.id) : null;
    const firstLinked = afterOwner?.kind === 'organisation' && afterOwner.participantId !== null && poolsFirstLinked.has(afterOwner.participantId);
    if (op.op !== 'remove' && after.byId.has(op.id) && !(firstLinked && before.byId.has(op.id))) checks.push([willBe, false]);
    for (const [ownership] of checks) {
      if (!mayEdit(ownership.ownerOf(op.id), ownership, op.id)) otherOrganisation.add(ownership.subjectOf(op.id));
    }
  }
  if (adminOnly.size) return { reason: 'FLOW_ADMIN_ONLY', elementIds: [...adminOnly] };
  if (otherOrganisation.size) return { reason: 'OTHER_ORGANISATION', elementIds: [...otherOrganisation] };
  return null;
}

/** Adding or removing a pool, or changing which organisation or process it stands for. */
function isPoolLinkChange(op: Op, before: RecordState): boolean {
  if (op.op !== 'patch') return true;
  return ORGANISATION_FIELD in op.fields || PROCESS_REF_FIELD in op.fields || !before.byId.has(op.id);
}

/**
 * Linking a pool that stands for no organisation yet (after an import), or unlinking one linked to the
 * owner organisation, is the owner organisation's editors' work: the pool was theirs until then.
 * Relinking another organisation's pool is the admins'.
 */
function isFirstLinkByOwner(op: Op, before: RecordState, rights: PoolRights): boolean {
  if (op.op !== 'patch' || PROCESS_REF_FIELD in op.fields) return false;
  const current = before.byId.get(op.id)?.fields[ORGANISATION_FIELD];
  const ownersUntilNow = current === undefined || current === '' || current === rights.ownerOrganisationId;
  return ownersUntilNow && rights.editableOrganisationIds.has(rights.ownerOrganisationId);
}
