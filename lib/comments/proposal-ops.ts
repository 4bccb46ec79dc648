import type { ModdleElement } from 'bpmn-moddle';
import { is, walkContained } from '@/lib/bpmn/elements';
import { sharedModdle } from '@/lib/bpmn/moddle';
import { definitionsOf } from '@/lib/bpmn/records';
import { extensionValuesOf, stepDetailsOf, valuesWithStepDetails, type StepDetails } from '@/lib/bpmn/stafett-details';
import { recordsFromDefinitions } from '@/lib/domain/records/from-definitions';
import type { Element } from '@/lib/domain/records/moddle-shape';
import { diffStates, stateOf, type RecordState } from '@/lib/domain/records/record-state';
import type { Json, Op } from '@/lib/domain/records/types';
import type { Proposal } from '@/lib/validation/comments';
import { NAME_FIELD } from './element-facts';

// What accepting a suggestion changes: the element's name, and the step details it proposes (only the
// fields it names; the rest stay as they are), as the element-record ops of one commit.

export function proposalOps(state: RecordState, elementId: string, proposal: Proposal): Op[] {
  const fields: Record<string, Json> = {};
  if (proposal.name) fields[NAME_FIELD] = proposal.name;
  if (proposal.details) Object.assign(fields, detailFields(state, elementId, proposal.details));
  return Object.keys(fields).length ? [{ op: 'patch', id: elementId, fields }] : [];
}

/** The element's record fields with the proposed step details merged into its stafett:StepDetails. */
function detailFields(state: RecordState, elementId: string, proposed: Partial<StepDetails>) {
  const definitions = definitionsOf(state);
  let element: ModdleElement | undefined;
  walkContained(definitions, (e) => {
    if (e.id === elementId && !element) element = e;
  });
  if (!element || !is(element, 'bpmn:Activity')) return {};
  const moddle = sharedModdle();
  const create = (type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs) as ModdleElement;
  const values = valuesWithStepDetails(extensionValuesOf(element), { ...stepDetailsOf(element), ...proposed }, create);
  let extensions = element.get('extensionElements') as ModdleElement | undefined;
  if (!extensions) {
    extensions = create('bpmn:ExtensionElements', {});
    element.set('extensionElements', extensions);
  }
  extensions.set('values', values);
  if (values.length === 0) element.set('extensionElements', undefined);
  const after = stateOf(recordsFromDefinitions(definitions as unknown as Element));
  const patch = diffStates(state, after).find((op) => op.id === elementId);
  return patch?.op === 'patch' ? patch.fields : {};
}
