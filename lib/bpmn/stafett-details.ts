import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, stringOf } from './elements';

// Typed readers and writers for the stafett extension (lib/bpmn/stafett.json), shared by the server
// (bpmn-moddle) and the browser (bpmn-js's moddle): nothing else spells 'stafett:…'.
//
//   <bpmn:task id="T" name="…">
//     <bpmn:extensionElements>
//       <stafett:responsibility roleId="ROLE" type="accountable" />
//       <stafett:stepDetails touchpoint="true" journeyPhase="during" timeLimit="…" legalBasis="…"
//                            itSystem="…" why="…" valueClass="value" />
//     </bpmn:extensionElements>
//   </bpmn:task>
//   <bpmn:messageFlow id="M" …>
//     <bpmn:extensionElements>
//       <stafett:handoverDetails what="…" fromRoleId="…" toRoleId="…" channel="…" timeLimit="…" legalBasis="…" />
//       <stafett:responsibility roleId="ROLE" type="responsible" />
//     </bpmn:extensionElements>
//   </bpmn:messageFlow>

export const RACI_TYPES = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export type RaciType = (typeof RACI_TYPES)[number];
export type Responsibility = { roleId: string; type: RaciType };

export const JOURNEY_PHASES = ['before', 'during', 'after'] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];

export const VALUE_CLASSES = ['value', 'handover', 'waste'] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

export type StepDetails = {
  touchpoint: boolean;
  journeyPhase?: JourneyPhase;
  timeLimit?: string;
  legalBasis?: string;
  itSystem?: string;
  why?: string;
  valueClass?: ValueClass;
};

export type HandoverDetails = {
  what?: string;
  fromRoleId?: string;
  toRoleId?: string;
  channel?: string;
  timeLimit?: string;
  legalBasis?: string;
};

const RESPONSIBILITY = 'stafett:Responsibility';
const STEP_DETAILS = 'stafett:StepDetails';
const HANDOVER_DETAILS = 'stafett:HandoverDetails';

const STEP_TEXT_FIELDS = ['timeLimit', 'legalBasis', 'itSystem', 'why'] as const;
const HANDOVER_FIELDS = ['what', 'fromRoleId', 'toRoleId', 'channel', 'timeLimit', 'legalBasis'] as const;

/** A pool's organisation and a lane's role: the moddle attribute names, and the same as element-record fields. */
export const ORGANISATION_ATTR = 'stafett:organisationId';
export const ROLE_ATTR = 'stafett:roleId';
export const ORGANISATION_FIELD = `a:${ORGANISATION_ATTR}`;
export const ROLE_FIELD = `a:${ROLE_ATTR}`;

export function organisationIdOf(participant: ModdleElement): string | undefined {
  return nonEmpty(stringOf(participant, ORGANISATION_ATTR));
}

export function roleIdOf(lane: ModdleElement): string | undefined {
  return nonEmpty(stringOf(lane, ROLE_ATTR));
}

/** Links a pool to an organisation; undefined unlinks it. */
export function setOrganisationId(participant: ModdleElement, organisationId: string | undefined): void {
  participant.set(ORGANISATION_ATTR, organisationId);
}

/** Links a lane to a role; undefined unlinks it. */
export function setRoleId(lane: ModdleElement, roleId: string | undefined): void {
  lane.set(ROLE_ATTR, roleId);
}

/** The children of bpmn:extensionElements (ours and anyone else's), in document order. */
export function extensionValuesOf(element: ModdleElement): ModdleElement[] {
  const extensions = refOf(element, 'extensionElements');
  return extensions ? childrenOf(extensions, 'values') : [];
}

/** Every <stafett:responsibility> of an activity or message flow; entries with an unknown type are skipped. */
export function responsibilitiesOf(element: ModdleElement): Responsibility[] {
  const out: Responsibility[] = [];
  for (const value of extensionValuesOf(element)) {
    if (!is(value, RESPONSIBILITY)) continue;
    const roleId = nonEmpty(stringOf(value, 'roleId'));
    const type = stringOf(value, 'type');
    if (roleId && isRaciType(type)) out.push({ roleId, type });
  }
  return out;
}

export function stepDetailsOf(element: ModdleElement): StepDetails {
  const value = extensionValuesOf(element).find((v) => is(v, STEP_DETAILS));
  if (!value) return { touchpoint: false };
  const phase = stringOf(value, 'journeyPhase');
  const valueClass = stringOf(value, 'valueClass');
  const details: StepDetails = { touchpoint: value.get('touchpoint') === true };
  if (isOneOf(JOURNEY_PHASES, phase)) details.journeyPhase = phase;
  if (isOneOf(VALUE_CLASSES, valueClass)) details.valueClass = valueClass;
  for (const field of STEP_TEXT_FIELDS) {
    const text = nonEmpty(stringOf(value, field));
    if (text) details[field] = text;
  }
  return details;
}

export function handoverDetailsOf(element: ModdleElement): HandoverDetails {
  const value = extensionValuesOf(element).find((v) => is(v, HANDOVER_DETAILS));
  const details: HandoverDetails = {};
  if (!value) return details;
  for (const field of HANDOVER_FIELDS) {
    const text = nonEmpty(stringOf(value, field));
    if (text) details[field] = text;
  }
  return details;
}

/** Creates a moddle element: bpmn-moddle's `create` on the server, bpmn-js's `moddle.create` in the browser. */
export type CreateElement = (type: string, attrs: Record<string, unknown>) => ModdleElement;

/** The extension values with the responsibilities replaced by `next` (other extensions kept, in place). */
export function valuesWithResponsibilities(values: readonly ModdleElement[], next: readonly Responsibility[], create: CreateElement): ModdleElement[] {
  const kept = values.filter((v) => !is(v, RESPONSIBILITY));
  return [...kept, ...next.map((r) => create(RESPONSIBILITY, { roleId: r.roleId, type: r.type }))];
}

/** The extension values with the step details replaced (dropped when nothing is set). */
export function valuesWithStepDetails(values: readonly ModdleElement[], details: StepDetails, create: CreateElement): ModdleElement[] {
  const attrs: Record<string, unknown> = {};
  if (details.touchpoint) attrs.touchpoint = true;
  if (details.journeyPhase) attrs.journeyPhase = details.journeyPhase;
  if (details.valueClass) attrs.valueClass = details.valueClass;
  for (const field of STEP_TEXT_FIELDS) {
    const text = details[field]?.trim();
    if (text) attrs[field] = text;
  }
  return replaceOne(values, STEP_DETAILS, attrs, create);
}

export function valuesWithHandoverDetails(values: readonly ModdleElement[], details: HandoverDetails, create: CreateElement): ModdleElement[] {
  const attrs: Record<string, unknown> = {};
  for (const field of HANDOVER_FIELDS) {
    const text = details[field]?.trim();
    if (text) attrs[field] = text;
  }
  return replaceOne(values, HANDOVER_DETAILS, attrs, create);
}

function replaceOne(values: readonly ModdleElement[], type: string, attrs: Record<string, unknown>, create: CreateElement): ModdleElement[] {
  const index = values.findIndex((v) => is(v, type));
  const out = values.filter((v) => !is(v, type));
  if (Object.keys(attrs).length === 0) return out;
  const element = create(type, attrs);
  out.splice(index === -1 ? out.length : index, 0, element);
  return out;
}

export function isRaciType(value: unknown): value is RaciType {
  return isOneOf(RACI_TYPES, value);
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
