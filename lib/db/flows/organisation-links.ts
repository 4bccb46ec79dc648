import type { ModdleElement } from 'bpmn-moddle';
import { is, refOf, stringOf, walkContained } from '@/lib/bpmn/elements';
import {
  extensionValuesOf,
  handoverDetailsOf,
  ORGANISATION_ATTR,
  ROLE_ATTR,
  setOrganisationId,
  setRoleId,
  responsibilitiesOf,
  valuesWithHandoverDetails,
  valuesWithResponsibilities,
} from '@/lib/bpmn/stafett-details';
import type { BpmnWarning } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration } from '@/lib/domain/collaboration';
import type { ImportOnlyWarningCode } from './import-warning-codes';
import { sharedModdle } from '@/lib/bpmn/moddle';
import { db } from '../client';

// A file from elsewhere (or an old export) may carry stafett:organisationId / stafett:roleId values that
// mean nothing here. Such links would make an unknown pool look mapped, so we remove them: the pool or
// lane then shows up as unmapped in the mapping step, and the user is told.

export type LinkWarning = { code: Exclude<ImportOnlyWarningCode, 'GENERATED_DIAGRAM'>; message: string; elementId?: string };
/** Import-only notices beside the parser's: unknown links removed, a layout generated for a file without DI. */
export type ImportWarning = BpmnWarning | LinkWarning | { code: 'GENERATED_DIAGRAM'; message: string; elementId?: string };

type LinkedElements = { participants: ModdleElement[]; lanes: ModdleElement[] };

function linkedElements(definitions: ModdleElement): LinkedElements {
  const participants: ModdleElement[] = [];
  const lanes: ModdleElement[] = [];
  walkContained(definitions, (element) => {
    if (is(element, 'bpmn:Participant')) participants.push(element);
    else if (is(element, 'bpmn:Lane')) lanes.push(element);
  });
  return { participants, lanes };
}

/**
 * Keeps only links to organisations that exist and to roles that belong to the organisation of the
 * lane's pool; returns the linked organisations (the flow's participants) and what was removed.
 */
export async function pruneUnknownLinks(definitions: ModdleElement): Promise<{ organisationIds: string[]; warnings: LinkWarning[] }> {
  const { participants, lanes } = linkedElements(definitions);
  const warnings: LinkWarning[] = [];

  const orgIds = participants.map((p) => stringOf(p, ORGANISATION_ATTR)).filter((id): id is string => Boolean(id));
  const known = new Set((await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true } })).map((o) => o.id));
  for (const participant of participants) {
    const orgId = stringOf(participant, ORGANISATION_ATTR);
    if (!orgId || known.has(orgId)) continue;
    setOrganisationId(participant, undefined);
    warnings.push({
      code: 'UNKNOWN_ORGANISATION',
      elementId: participant.id,
      message: `The pool "${participant.name ?? participant.id}" was linked to an organisation Stafett does not know; map it to one of yours.`,
    });
  }

  const orgOfParticipant = new Map(participants.map((p) => [p.id, stringOf(p, ORGANISATION_ATTR)]));
  const laneParticipant = new Map(describeCollaboration(definitions).lanes.map((l) => [l.id, l.participantId]));
  const roleIds = lanes.map((l) => stringOf(l, ROLE_ATTR)).filter((id): id is string => Boolean(id));
  const roles = new Map(
    (await db.role.findMany({ where: { id: { in: roleIds } }, select: { id: true, organisationId: true } })).map((r) => [r.id, r.organisationId]),
  );
  for (const lane of lanes) {
    const roleId = stringOf(lane, ROLE_ATTR);
    if (!roleId) continue;
    const participantId = lane.id ? laneParticipant.get(lane.id) : undefined;
    const laneOrg = participantId ? orgOfParticipant.get(participantId) : undefined;
    if (laneOrg && roles.get(roleId) === laneOrg) continue;
    setRoleId(lane, undefined);
    warnings.push({
      code: 'UNKNOWN_ROLE',
      elementId: lane.id,
      message: `The lane "${lane.name ?? lane.id}" was linked to a role that is not in its organisation's catalogue; map it to one of its roles.`,
    });
  }
  const organisationIds = [...new Set(orgIds.filter((id) => known.has(id)))];
  warnings.push(...(await pruneUnknownResponsibilities(definitions, organisationIds)));
  return { organisationIds, warnings };
}

/**
 * Responsibilities and handover roles must name roles of the flow's organisations (a save refuses
 * others with UNKNOWN_ROLE): an import drops the rest and says so, as it does for lanes.
 */
async function pruneUnknownResponsibilities(definitions: ModdleElement, organisationIds: string[]): Promise<LinkWarning[]> {
  const elements: ModdleElement[] = [];
  walkContained(definitions, (e) => {
    if ((is(e, 'bpmn:Activity') || is(e, 'bpmn:MessageFlow')) && extensionValuesOf(e).length > 0) elements.push(e);
  });
  const named = elements.flatMap((e) => [
    ...responsibilitiesOf(e).map((r) => r.roleId),
    ...Object.values(pick(handoverDetailsOf(e))),
  ]);
  if (named.length === 0) return [];
  const known = new Set(
    (await db.role.findMany({ where: { id: { in: [...new Set(named)] }, organisationId: { in: organisationIds } }, select: { id: true } })).map((r) => r.id),
  );
  const warnings: LinkWarning[] = [];
  for (const element of elements) {
    const extensions = refOf(element, 'extensionElements');
    if (!extensions) continue;
    const responsibilities = responsibilitiesOf(element);
    const kept = responsibilities.filter((r) => known.has(r.roleId));
    const details = handoverDetailsOf(element);
    const roles = pick(details);
    const unknownHandoverRole = Object.values(roles).some((id) => !known.has(id));
    if (kept.length === responsibilities.length && !unknownHandoverRole) continue;
    const create = (type: string, attrs: Record<string, unknown>) => sharedCreate(type, attrs);
    let values = valuesWithResponsibilities(extensionValuesOf(element), kept, create);
    if (unknownHandoverRole) {
      values = valuesWithHandoverDetails(values, {
        ...details,
        fromRoleId: roles.fromRoleId && known.has(roles.fromRoleId) ? roles.fromRoleId : undefined,
        toRoleId: roles.toRoleId && known.has(roles.toRoleId) ? roles.toRoleId : undefined,
      }, create);
    }
    extensions.set('values', values);
    warnings.push({
      code: 'UNKNOWN_ROLE',
      elementId: element.id,
      message: `"${element.name ?? element.id}" named a role that is in none of the flow's role catalogues; that responsibility was removed.`,
    });
  }
  return warnings;
}

function pick(details: { fromRoleId?: string; toRoleId?: string }): { fromRoleId?: string; toRoleId?: string } {
  return {
    ...(details.fromRoleId ? { fromRoleId: details.fromRoleId } : {}),
    ...(details.toRoleId ? { toRoleId: details.toRoleId } : {}),
  };
}

function sharedCreate(type: string, attrs: Record<string, unknown>): ModdleElement {
  return sharedModdle().create(type, attrs);
}

/** The name a file gives its flow: the collaboration's, else the first named process's, else the definitions'. */
export function nameInFile(definitions: ModdleElement): string | undefined {
  const roots = (definitions.get('rootElements') as ModdleElement[] | undefined) ?? [];
  const named = (type: string) => roots.find((r) => is(r, type) && typeof r.name === 'string' && r.name.trim())?.name?.trim();
  return named('bpmn:Collaboration') ?? named('bpmn:Process') ?? (definitions.name?.trim() || undefined);
}
