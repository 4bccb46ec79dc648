import type { Actor } from '@/lib/auth/policy';
import { poolRightsOf } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { readHeadState } from '@/lib/db/flows/flow-head';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { ownershipOf } from '@/lib/domain/records/ownership';
import type { RecordState } from '@/lib/domain/records/record-state';
import { sharedModdle } from '@/lib/bpmn/moddle';
import { AppError } from '@/lib/errors';

export const NAME_FIELD = 'a:bpmn:name';

export type ElementFacts = { elementId: string; name: string | null; organisationId: string | null; isActivity: boolean };

/**
 * What a comment needs to know of an element, from the STORED head (never from the client): the
 * element a diagram shape draws, its name, and the organisation owning its pool. A handover belongs
 * to both ends: a suggestion on it goes to the end the author may not edit.
 */
export async function elementFacts(actor: Actor, flow: FlowDetail, elementId: string): Promise<ElementFacts> {
  const state = await readHeadState(flow.id, flow.headVersion);
  return factsIn(state, actor, flow, elementId);
}

export function factsIn(state: RecordState, actor: Actor, flow: FlowDetail, rawId: string): ElementFacts {
  const ownership = ownershipOf(state, flow.owner.id);
  const elementId = ownership.subjectOf(rawId);
  const record = state.byId.get(elementId);
  if (!record || record.type === 'bpmn:Definitions') {
    throw new AppError('INVALID', `elementId: no element "${rawId}" in this flow`, { field: 'elementId', reason: 'UNKNOWN_ELEMENT' });
  }
  const name = typeof record.fields[NAME_FIELD] === 'string' ? (record.fields[NAME_FIELD] as string) : null;
  const owner = ownership.ownerOf(elementId);
  let organisationId: string | null = null;
  if (owner.kind === 'organisation') organisationId = owner.organisationId;
  else if (owner.kind === 'border') {
    const editable = poolRightsOf(actor, scopeOf(flow)).editableOrganisationIds;
    organisationId = owner.organisationIds.find((id) => !editable.has(id)) ?? owner.organisationIds[0] ?? null;
  }
  return { elementId, name, organisationId, isActivity: isActivityType(record.type) };
}

/** Which element ids are in the head now: a thread about one that is gone says so. */
export async function headElementIds(flow: FlowDetail): Promise<ReadonlySet<string>> {
  const state = await readHeadState(flow.id, flow.headVersion);
  return new Set(state.byId.keys());
}

/** A task, sub-process or call activity (anything with step details), by its BPMN type. */
function isActivityType(type: string): boolean {
  try {
    return (sharedModdle() as unknown as { getType(t: string): { prototype: { $instanceOf(t: string): boolean } } }).getType(type).prototype.$instanceOf('bpmn:Activity');
  } catch {
    return false;
  }
}
