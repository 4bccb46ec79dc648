import { describe, expect, it } from 'vitest';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { buildStartingCollaboration } from '@/lib/domain/starting-collaboration';
import { applyOrganisationMapping, renameLanesOfRole } from './lanes';
import { parseBpmn } from './parse-bpmn';
import { toXml } from './serialise';

async function startingFlow() {
  const xml = await buildStartingCollaboration({
    flowName: 'Flöde',
    ownerOrganisationId: 'k',
    organisations: [
      { id: 'k', name: 'Kommunen', colour: '#0f766e', roles: [{ id: 'r1', name: 'Biståndshandläggare' }, { id: 'r2', name: 'Enhetschef' }] },
      { id: 'r', name: 'Regionen', colour: '#1d4ed8', roles: [{ id: 'r1', name: 'Biståndshandläggare' }] },
    ],
  });
  return (await parseBpmn(xml, 'strict')).definitions;
}

describe('renameLanesOfRole', () => {
  it('renames every lane linked to the role, and only those', async () => {
    const definitions = await startingFlow();
    expect(renameLanesOfRole(definitions, 'r1', 'Handläggare')).toBe(true);
    const { lanes } = describeCollaboration((await parseBpmn(await toXml(definitions), 'strict')).definitions);
    expect(lanes.map((l) => [l.id, l.name])).toEqual([
      ['Lane_1_1', 'Handläggare'],
      ['Lane_1_2', 'Enhetschef'],
      ['Lane_2_1', 'Handläggare'],
    ]);
  });

  it('reports false when nothing changes', async () => {
    const definitions = await startingFlow();
    expect(renameLanesOfRole(definitions, 'r2', 'Enhetschef')).toBe(false);
    expect(renameLanesOfRole(definitions, 'no-such-role', 'X')).toBe(false);
  });
});

describe('applyOrganisationMapping', () => {
  it('links pools and lanes, renames mapped lanes to their role, unlinks with "", and reports unknown ids', async () => {
    const definitions = await startingFlow();
    const result = applyOrganisationMapping(
      definitions,
      { participants: { Participant_2: 'org-x', Ghost: 'o' }, lanes: { Lane_1_1: 'role-y', Lane_1_2: '' } },
      { roleNames: { 'role-y': 'Arbetsterapeut' } },
    );
    expect(result.unknownIds).toEqual(['Ghost']);
    const summary = describeCollaboration((await parseBpmn(await toXml(definitions), 'strict')).definitions);
    expect(summary.participants.map((p) => p.organisationId)).toEqual(['k', 'org-x']);
    expect(summary.lanes.map((l) => [l.id, l.name, l.roleId])).toEqual([
      ['Lane_1_1', 'Arbetsterapeut', 'role-y'],
      ['Lane_1_2', 'Enhetschef', undefined],
      ['Lane_2_1', 'Biståndshandläggare', 'r1'],
    ]);
  });
});
