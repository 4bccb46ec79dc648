import { buildCollaborationXml, type PoolSpec } from './build-collaboration';

export type StartingOrganisation = { id: string; name: string; colour: string; roles: { id: string; name: string }[] };
export type StartingCollaborationInput = {
  flowName: string;
  ownerOrganisationId: string;
  organisations: StartingOrganisation[];
};

/**
 * The diagram a new shared flow opens with: one pool per organisation (its name and colour, linked by
 * stafett:organisationId), one lane per chosen role (linked by stafett:roleId) and a start event in the
 * owner's pool. The owner's pool comes first. An organisation without chosen roles gets a pool without
 * lanes: an unnamed lane would carry no role, and bpmn-js lets the user add lanes later.
 * Element ids are positional (Participant_1, Lane_1_2 …) so the output is deterministic.
 */
export async function buildStartingCollaboration(input: StartingCollaborationInput): Promise<string> {
  const ordered = [
    ...input.organisations.filter((o) => o.id === input.ownerOrganisationId),
    ...input.organisations.filter((o) => o.id !== input.ownerOrganisationId),
  ];
  if (ordered[0]?.id !== input.ownerOrganisationId) {
    throw new Error('buildStartingCollaboration: the owner must be one of the organisations');
  }
  const pools: PoolSpec[] = ordered.map((org, i) => ({
    id: `Participant_${i + 1}`,
    processId: `Process_${i + 1}`,
    name: org.name,
    organisationId: org.id,
    colour: org.colour,
    lanes: org.roles.map((role, j) => ({ id: `Lane_${i + 1}_${j + 1}`, name: role.name, roleId: role.id })),
  }));
  const owner = pools[0]!;
  return buildCollaborationXml({
    collaborationId: 'Collaboration_1',
    name: input.flowName,
    pools,
    nodes: [{ id: 'StartEvent_1', type: 'bpmn:StartEvent', pool: owner.id, lane: owner.lanes[0]?.id, column: 0 }],
    sequenceFlows: [],
    messageFlows: [],
    minWidth: 1000,
  });
}
