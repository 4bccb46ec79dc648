import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, walkContained } from '@/lib/bpmn/elements';
import { organisationIdOf, roleIdOf } from '@/lib/bpmn/stafett-details';
import { boundsOf, type Bounds } from '../collaboration';

// Where every flow node stands: its pool (and organisation), its lane (and role), its place on the
// canvas. The RACI projection, the handover list and the checks all start from this index.

export type NodePlace = {
  element: ModdleElement;
  participantId?: string;
  organisationId?: string;
  laneId?: string;
  laneRoleId?: string;
  bounds?: Bounds;
};

export type LaneInfo = { id: string; name: string; roleId?: string; participantId?: string; organisationId?: string };

export type FlowModel = {
  /** Flow nodes (events, activities, gateways) by id, sub-process contents included. */
  nodes: Map<string, NodePlace>;
  lanes: LaneInfo[];
  messageFlows: ModdleElement[];
  sequenceFlows: ModdleElement[];
  participants: ModdleElement[];
  bounds: Map<string, Bounds>;
};

export function readFlowModel(definitions: ModdleElement): FlowModel {
  const roots = childrenOf(definitions, 'rootElements');
  const participants = roots.filter((r) => is(r, 'bpmn:Collaboration')).flatMap((c) => childrenOf(c, 'participants'));
  const messageFlows = roots.filter((r) => is(r, 'bpmn:Collaboration')).flatMap((c) => childrenOf(c, 'messageFlows'));
  const bounds = shapeBounds(definitions);
  const participantOfProcess = new Map<ModdleElement, ModdleElement>();
  for (const p of participants) {
    const process = refOf(p, 'processRef');
    if (process) participantOfProcess.set(process, p);
  }

  const nodes = new Map<string, NodePlace>();
  const lanes: LaneInfo[] = [];
  const sequenceFlows: ModdleElement[] = [];
  for (const process of roots.filter((r) => is(r, 'bpmn:Process'))) {
    const participant = participantOfProcess.get(process);
    const organisationId = participant ? organisationIdOf(participant) : undefined;
    const laneOf = new Map<ModdleElement, ModdleElement>();
    walkContained(process, (element) => {
      if (is(element, 'bpmn:Lane')) {
        const roleId = roleIdOf(element);
        lanes.push({
          id: element.id ?? '',
          name: element.name ?? '',
          ...(roleId ? { roleId } : {}),
          ...(participant?.id ? { participantId: participant.id } : {}),
          ...(organisationId ? { organisationId } : {}),
        });
        // Walked parents first, so a nested lane overwrites its parent: the innermost lane wins.
        for (const node of childrenOf(element, 'flowNodeRef')) laneOf.set(node, element);
      }
    });
    walkContained(process, (element) => {
      if (is(element, 'bpmn:SequenceFlow')) sequenceFlows.push(element);
      if (!is(element, 'bpmn:FlowNode') || !element.id) return;
      const lane = laneOf.get(element) ?? laneOfAncestor(element, laneOf);
      const laneRoleId = lane ? roleIdOf(lane) : undefined;
      const box = bounds.get(element.id);
      nodes.set(element.id, {
        element,
        ...(participant?.id ? { participantId: participant.id } : {}),
        ...(organisationId ? { organisationId } : {}),
        ...(lane?.id ? { laneId: lane.id } : {}),
        ...(laneRoleId ? { laneRoleId } : {}),
        ...(box ? { bounds: box } : {}),
      });
    });
  }
  return { nodes, lanes, messageFlows, sequenceFlows, participants, bounds };
}

/** A node inside a sub-process stands in the lane of the sub-process. */
function laneOfAncestor(element: ModdleElement, laneOf: Map<ModdleElement, ModdleElement>): ModdleElement | undefined {
  for (let parent = element.$parent; parent; parent = parent.$parent) {
    const lane = laneOf.get(parent);
    if (lane) return lane;
  }
  return undefined;
}

function shapeBounds(definitions: ModdleElement): Map<string, Bounds> {
  const out = new Map<string, Bounds>();
  for (const diagram of childrenOf(definitions, 'diagrams')) {
    const plane = refOf(diagram, 'plane');
    if (!plane) continue;
    for (const shape of childrenOf(plane, 'planeElement')) {
      const box = refOf(shape, 'bounds');
      const id = refOf(shape, 'bpmnElement')?.id;
      if (box && id && !out.has(id)) out.set(id, boundsOf(box));
    }
  }
  return out;
}

export function isActivity(element: ModdleElement): boolean {
  return is(element, 'bpmn:Activity');
}
