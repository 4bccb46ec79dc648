import { describe, expect, it } from 'vitest';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { db } from '../client';
import { createFlow } from './create-flow';
import { makeOrganisation, makeUser, unique } from './flow-test-data';
import { getRevisionXml } from './get-revision-xml';
import { renameRoleInFlows } from './rename-role-in-flows';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';

async function laneNames(actor: Parameters<typeof getRevisionXml>[0], flowId: string) {
  const { definitions } = await parseBpmn((await getRevisionXml(actor, flowId)).xml, 'strict');
  return describeCollaboration(definitions).lanes.map((l) => [l.roleId, l.name]);
}

describe('renameRoleInFlows', () => {
  it('renames the role’s lanes in every flow that has one, as a new revision, and leaves other flows alone', async () => {
    const org = await makeOrganisation(unique('Kommun'), ['Handläggare', 'Sjuksköterska']);
    const [role, otherRole] = org.roles as [(typeof org.roles)[0], (typeof org.roles)[0]];
    const admin = await makeUser({ [org.id]: 'ADMIN' });
    const base = { purpose: '', category: 'CORE' as const, organisations: [org.id] };
    const withRole = await createFlow(admin, { ...base, name: unique('Med rollen'), roles: { [org.id]: [role.id, otherRole.id] } });
    const alsoWithRole = await createFlow(admin, { ...base, name: unique('Också'), roles: { [org.id]: [role.id] } });
    const without = await createFlow(admin, { ...base, name: unique('Utan'), roles: { [org.id]: [otherRole.id] } });
    // One flow has moved on since creation: the rename builds on its head, not on version 1.
    const headXml = (await getRevisionXml(admin, alsoWithRole.id)).xml.replace('name="Handläggare"', 'name="Lokalt namn"');
    await saveRevision(admin, alsoWithRole.id, { xml: headXml, baseVersion: 1 });

    const result = await renameRoleInFlows(admin.userId, role.id, 'Biståndshandläggare');
    expect(result.updatedFlowIds.sort()).toEqual([withRole.id, alsoWithRole.id].sort());
    expect(result.failedFlowIds).toEqual([]);

    expect(await laneNames(admin, withRole.id)).toEqual([
      [role.id, 'Biståndshandläggare'],
      [otherRole.id, 'Sjuksköterska'],
    ]);
    expect(await laneNames(admin, alsoWithRole.id)).toEqual([[role.id, 'Biståndshandläggare']]);
    const head = await getRevisionXml(admin, alsoWithRole.id);
    expect({ version: head.version, message: head.message }).toEqual({ version: 3, message: 'Rollen bytte namn till Biståndshandläggare' });
    expect(await db.flowRevision.count({ where: { flowId: without.id } })).toBe(1);

    // Renaming again to the same name changes nothing and saves nothing.
    expect((await renameRoleInFlows(admin.userId, role.id, 'Biståndshandläggare')).updatedFlowIds).toEqual([]);
    expect(await db.flowRevision.count({ where: { flowId: withRole.id } })).toBe(2);
  });
});
