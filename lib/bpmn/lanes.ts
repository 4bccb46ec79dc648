import type { ModdleElement } from 'bpmn-moddle';
import { is, walkContained } from './elements';
import { roleIdOf, setOrganisationId, setRoleId } from './stafett-details';

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
    if (roleIdOf(lane) !== roleId || lane.name === newName) continue;
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
  /**
   * organisation id → its name and shape colours: a pool mapped to it takes both (its lanes the
   * colours too), like a pool Stafett draws itself. A pool listed in `keepNames` keeps its old name.
   */
  organisations?: Record<string, { name: string; colours: { fill: string; stroke: string } }>;
  keepNames?: readonly string[];
};

/** The DI shapes by the id of the element they draw. */
function shapesByElement(definitions: ModdleElement): Map<string, ModdleElement[]> {
  const shapes = new Map<string, ModdleElement[]>();
  for (const shape of collect(definitions, 'bpmndi:BPMNShape')) {
    const element = shape.get('bpmnElement') as ModdleElement | undefined;
    if (element?.id) shapes.set(element.id, [...(shapes.get(element.id) ?? []), shape]);
  }
  return shapes;
}

function paint(shape: ModdleElement, colours: { fill: string; stroke: string }): void {
  // Both vocabularies: bpmn-js reads bioc:*, other tools read the OMG colour extension.
  shape.set('bioc:fill', colours.fill);
  shape.set('bioc:stroke', colours.stroke);
  shape.set('color:background-color', colours.fill);
  shape.set('color:border-color', colours.stroke);
}

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
  const shapes = options.organisations ? shapesByElement(definitions) : new Map<string, ModdleElement[]>();
  for (const participant of collect(definitions, 'bpmn:Participant')) {
    const id = participant.id;
    if (!id || !(id in mapping.participants)) continue;
    seen.add(id);
    const organisationId = mapping.participants[id] || undefined;
    setOrganisationId(participant, organisationId);
    const organisation = organisationId ? options.organisations?.[organisationId] : undefined;
    if (!organisation) continue;
    if (!options.keepNames?.includes(id)) participant.set('name', organisation.name);
    const process = participant.get('processRef') as ModdleElement | undefined;
    const lanes = process ? collect(process, 'bpmn:Lane') : [];
    for (const element of [participant, ...lanes]) {
      for (const shape of shapes.get(element.id ?? '') ?? []) paint(shape, organisation.colours);
    }
  }
  for (const lane of collect(definitions, 'bpmn:Lane')) {
    const id = lane.id;
    if (!id || !(id in mapping.lanes)) continue;
    seen.add(id);
    const roleId = mapping.lanes[id] || undefined;
    setRoleId(lane, roleId);
    const name = roleId ? options.roleNames?.[roleId] : undefined;
    if (name) lane.set('name', name);
  }
  const unknownIds = [...Object.keys(mapping.participants), ...Object.keys(mapping.lanes)].filter((id) => !seen.has(id));
  return { unknownIds };
}
