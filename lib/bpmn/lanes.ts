import type { ModdleElement } from 'bpmn-moddle';
import { is, stringOf, walkContained } from './elements';

const ORGANISATION_ATTR = 'stafett:organisationId';
const ROLE_ATTR = 'stafett:roleId';

function collect(definitions: ModdleElement, type: string): ModdleElement[] {
  const found: ModdleElement[] = [];
  walkContained(definitions, (element) => {
    if (is(element, type)) found.push(element);
  });
  return found;
}

/**
 * A lane stays linked to its role: renaming the role in the catalogue renames every lane carrying
 * stafett:roleId = roleId. Returns true when any lane changed (so the caller knows to save).
 */
export function renameLanesOfRole(definitions: ModdleElement, roleId: string, newName: string): boolean {
  let changed = false;
  for (const lane of collect(definitions, 'bpmn:Lane')) {
    if (stringOf(lane, ROLE_ATTR) !== roleId || lane.name === newName) continue;
    lane.set('name', newName);
    changed = true;
  }
  return changed;
}

export type OrganisationMapping = {
  /** participant (pool) id → organisation id; '' removes the link */
  participants: Record<string, string>;
  /** lane id → role id; '' removes the link */
  lanes: Record<string, string>;
};

export type MappingOptions = {
  /** role id → role name: a mapped lane takes its role's name, as lanes linked to roles always do. */
  roleNames?: Record<string, string>;
};

/**
 * Links pools to organisations and lanes to roles (after importing a file from elsewhere).
 * Returns the ids in the mapping that name no pool or lane in the diagram; the rest is applied.
 */
export function applyOrganisationMapping(
  definitions: ModdleElement,
  mapping: OrganisationMapping,
  options: MappingOptions = {},
): { unknownIds: string[] } {
  const seen = new Set<string>();
  for (const participant of collect(definitions, 'bpmn:Participant')) {
    const id = participant.id;
    if (!id || !(id in mapping.participants)) continue;
    seen.add(id);
    participant.set(ORGANISATION_ATTR, mapping.participants[id] || undefined);
  }
  for (const lane of collect(definitions, 'bpmn:Lane')) {
    const id = lane.id;
    if (!id || !(id in mapping.lanes)) continue;
    seen.add(id);
    const roleId = mapping.lanes[id] || undefined;
    lane.set(ROLE_ATTR, roleId);
    const name = roleId ? options.roleNames?.[roleId] : undefined;
    if (name) lane.set('name', name);
  }
  const unknownIds = [...Object.keys(mapping.participants), ...Object.keys(mapping.lanes)].filter((id) => !seen.has(id));
  return { unknownIds };
}
