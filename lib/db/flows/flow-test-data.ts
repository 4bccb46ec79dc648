// Test data for the flows integration tests: every test makes its own organisations, roles and users
// with unique names, so test files run in parallel against one throw-away database.
import { randomUUID } from 'node:crypto';
import type { Access, Actor } from '@/lib/auth/policy';
import { loadActor } from '../actors';
import { db } from '../client';

export const MIWG_DIR = new URL('../../../testdata/bpmn-miwg-reference/', import.meta.url);

export function unique(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

export async function makeOrganisation(name = unique('Org'), roleNames: string[] = ['Handläggare', 'Sjuksköterska']) {
  const org = await db.organisation.create({
    data: { name, kind: 'MUNICIPALITY', customerTerm: 'brukare', colour: '#1f6feb' },
  });
  const roles = [];
  for (const roleName of roleNames) {
    roles.push(await db.role.create({ data: { organisationId: org.id, name: roleName } }));
  }
  return { ...org, roles };
}

/** A user with the given access in each organisation, and the actor policy needs for them. */
export async function makeUser(access: Record<string, Access>, name = unique('Användare')): Promise<Actor & { name: string }> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@flows.test`, name } });
  for (const [organisationId, level] of Object.entries(access)) {
    await db.membership.create({ data: { userId: user.id, organisationId, access: level } });
  }
  return { ...(await loadActor(user.id)), name };
}

export async function revisionCount(flowId?: string): Promise<number> {
  return db.flowRevision.count(flowId ? { where: { flowId } } : undefined);
}

const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
  'xmlns:stafett="http://stafett.se/schema/bpmn/1.0"';

/**
 * Two pools (each linked to an organisation, one lane linked to a role), a task in each and a message
 * flow between them; `taskName` varies the content between saves.
 */
export function twoPoolXml(opts: { orgA: string; orgB: string; roleA?: string; taskName?: string; extra?: string }): string {
  const role = opts.roleA ? ` stafett:roleId="${opts.roleA}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs_1" targetNamespace="http://stafett.se/test">
  <bpmn:collaboration id="Collab_1" name="Testflöde">
    <bpmn:participant id="Pool_A" name="A" processRef="Process_A" stafett:organisationId="${opts.orgA}" />
    <bpmn:participant id="Pool_B" name="B" processRef="Process_B" stafett:organisationId="${opts.orgB}" />
    <bpmn:messageFlow id="Msg_1" name="Överlämning" sourceRef="Task_A" targetRef="Task_B" />
  </bpmn:collaboration>
  <bpmn:process id="Process_A">
    <bpmn:laneSet id="LaneSet_A"><bpmn:lane id="Lane_A1" name="Roll A"${role}><bpmn:flowNodeRef>Task_A</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="Task_A" name="${opts.taskName ?? 'Skicka'}" />${opts.extra ?? ''}
  </bpmn:process>
  <bpmn:process id="Process_B"><bpmn:task id="Task_B" name="Ta emot" /></bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collab_1">
      <bpmndi:BPMNShape id="Pool_A_di" bpmnElement="Pool_A" isHorizontal="true"><dc:Bounds x="100" y="50" width="600" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_A1_di" bpmnElement="Lane_A1" isHorizontal="true"><dc:Bounds x="130" y="50" width="570" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_A_di" bpmnElement="Task_A"><dc:Bounds x="200" y="100" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Pool_B_di" bpmnElement="Pool_B" isHorizontal="true"><dc:Bounds x="100" y="300" width="600" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_B_di" bpmnElement="Task_B"><dc:Bounds x="200" y="360" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Msg_1_di" bpmnElement="Msg_1"><di:waypoint x="250" y="180" /><di:waypoint x="250" y="360" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
