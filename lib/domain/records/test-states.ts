import { stateOf, type RecordState } from './record-state';
import { ROOT_ID, type ElementRecord } from './types';

// A two-pool flow as records, small enough to read: kommun (K) and region (R), a task in each, a
// handover between them, and each element's diagram shape.

export const KOMMUN = 'org-kommun';
export const REGION = 'org-region';

export function twoPools(): RecordState {
  const r = (id: string, type: string, fields: ElementRecord['fields']): ElementRecord => ({ id, type, fields });
  return stateOf([
    r(ROOT_ID, 'bpmn:Definitions', { 'a:bpmn:id': 'Defs', 'a:bpmn:targetNamespace': 'http://x' }),
    r('Collab', 'bpmn:Collaboration', { '@parent': ROOT_ID, '@prop': 'bpmn:rootElements' }),
    r('Pool_K', 'bpmn:Participant', { '@parent': 'Collab', '@prop': 'bpmn:participants', 'r:bpmn:processRef': 'Proc_K', 'a:stafett:organisationId': KOMMUN }),
    r('Pool_R', 'bpmn:Participant', { '@parent': 'Collab', '@prop': 'bpmn:participants', 'r:bpmn:processRef': 'Proc_R', 'a:stafett:organisationId': REGION }),
    r('Msg', 'bpmn:MessageFlow', { '@parent': 'Collab', '@prop': 'bpmn:messageFlows', 'r:bpmn:sourceRef': 'Task_R', 'r:bpmn:targetRef': 'Task_K' }),
    r('Proc_K', 'bpmn:Process', { '@parent': ROOT_ID, '@prop': 'bpmn:rootElements' }),
    r('Task_K', 'bpmn:Task', { '@parent': 'Proc_K', '@prop': 'bpmn:flowElements', 'a:bpmn:name': 'Samtal' }),
    r('Proc_R', 'bpmn:Process', { '@parent': ROOT_ID, '@prop': 'bpmn:rootElements' }),
    r('Task_R', 'bpmn:Task', { '@parent': 'Proc_R', '@prop': 'bpmn:flowElements', 'a:bpmn:name': 'Skicka' }),
    r('Diagram', 'bpmndi:BPMNDiagram', { '@parent': ROOT_ID, '@prop': 'bpmn:diagrams' }),
    r('Plane', 'bpmndi:BPMNPlane', { '@parent': 'Diagram', '@prop': 'bpmndi:plane', 'r:bpmndi:bpmnElement': 'Collab' }),
    r('Task_K_di', 'bpmndi:BPMNShape', { '@parent': 'Plane', '@prop': 'di:planeElement', 'r:bpmndi:bpmnElement': 'Task_K', 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': 100, 'dc:y': 100, 'dc:width': 100, 'dc:height': 80 } }),
    r('Task_R_di', 'bpmndi:BPMNShape', { '@parent': 'Plane', '@prop': 'di:planeElement', 'r:bpmndi:bpmnElement': 'Task_R', 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': 100, 'dc:y': 400, 'dc:width': 100, 'dc:height': 80 } }),
  ]);
}
