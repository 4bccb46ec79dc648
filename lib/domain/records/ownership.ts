import { ORGANISATION_FIELD } from '@/lib/bpmn/stafett-details';
import type { RecordState } from './record-state';
import { PARENT, ROOT_ID, type ElementRecord } from './types';

// Whose part of the shared flow an element is. Everything inside a pool belongs to the pool's
// organisation (a pool not yet linked to one belongs to the flow's owner); a message flow is the
// border between two pools and belongs to both ends; the definitions and the collaboration are the
// flow's own settings; root-level definitions (messages, signals) and the diagram canvas are shared.

export type Owner =
  | { kind: 'organisation'; organisationId: string; participantId: string | null }
  | { kind: 'border'; organisationIds: string[] }
  | { kind: 'flow' }
  | { kind: 'shared' };

export { ORGANISATION_FIELD };
export const PROCESS_REF_FIELD = 'r:bpmn:processRef';
const BPMN_ELEMENT_FIELD = 'r:bpmndi:bpmnElement';

export type Ownership = {
  ownerOf(id: string): Owner;
  /** The record itself, or for a diagram shape or edge the element it draws: what a person calls it. */
  subjectOf(id: string): string;
};

export function ownershipOf(state: RecordState, ownerOrganisationId: string): Ownership {
  const participantOfProcess = new Map<string, ElementRecord>();
  for (const record of state.byId.values()) {
    if (record.type !== 'bpmn:Participant') continue;
    const processId = record.fields[PROCESS_REF_FIELD];
    if (typeof processId === 'string') participantOfProcess.set(processId, record);
  }
  const memo = new Map<string, Owner>();
  const shared: Owner = { kind: 'shared' };

  const pool = (participant: ElementRecord): Owner => {
    const org = participant.fields[ORGANISATION_FIELD];
    return { kind: 'organisation', organisationId: typeof org === 'string' && org ? org : ownerOrganisationId, participantId: participant.id };
  };

  const organisationOfEnd = (id: unknown): string | null => {
    if (typeof id !== 'string') return null;
    const owner = ownerOf(id);
    return owner.kind === 'organisation' ? owner.organisationId : null;
  };

  function ownerOf(id: string, depth = 0): Owner {
    const known = memo.get(id);
    if (known) return known;
    const record = state.byId.get(id);
    let owner: Owner = shared;
    if (record && depth < 64) {
      const drawn = record.fields[BPMN_ELEMENT_FIELD];
      if (record.type === 'bpmn:Definitions' || record.type === 'bpmn:Collaboration') owner = { kind: 'flow' };
      else if (record.type === 'bpmn:Participant') owner = pool(record);
      else if (record.type === 'bpmn:Process') {
        const participant = participantOfProcess.get(id);
        owner = participant ? pool(participant) : { kind: 'organisation', organisationId: ownerOrganisationId, participantId: null };
      } else if (record.type === 'bpmn:MessageFlow') {
        const ends = [organisationOfEnd(record.fields['r:bpmn:sourceRef']), organisationOfEnd(record.fields['r:bpmn:targetRef'])];
        owner = { kind: 'border', organisationIds: ends.filter((o): o is string => o !== null) };
      } else if (typeof drawn === 'string') {
        const target = ownerOf(drawn, depth + 1);
        // The canvas of the whole collaboration is nobody's part.
        owner = target.kind === 'flow' ? shared : target;
      } else {
        const parent = record.fields[PARENT];
        owner = typeof parent === 'string' && parent !== ROOT_ID ? ownerOf(parent, depth + 1) : shared;
      }
    }
    memo.set(id, owner);
    return owner;
  }

  return {
    ownerOf: (id) => ownerOf(id),
    subjectOf(id) {
      const drawn = state.byId.get(id)?.fields[BPMN_ELEMENT_FIELD];
      return typeof drawn === 'string' ? drawn : id;
    },
  };
}
