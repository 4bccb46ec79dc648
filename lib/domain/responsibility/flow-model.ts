import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf } from '@/lib/bpmn/elements';
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
    // Parents before children, so a nested lane overwrites its parent: the innermost lane wins.
    for (const lane of lanesOf(process)) {
      const roleId = roleIdOf(lane);
      lanes.push({
        id: lane.id ?? '',
        name: lane.name ?? '',
        ...(roleId ? { roleId } : {}),
        ...(participant?.id ? { participantId: participant.id } : {}),
        ...(organisationId ? { organisationId } : {}),
      });
      for (const node of childrenOf(lane, 'flowNodeRef')) laneOf.set(node, lane);
    }
    for (const element of flowElementsOf(process)) {
      if (is(element, 'bpmn:SequenceFlow')) sequenceFlows.push(element);
      if (!is(element, 'bpmn:FlowNode') || !element.id) continue;
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
    }
  }
  return { nodes, lanes, messageFlows, sequenceFlows, participants, bounds };
}

// Direct walks of the two collections that matter: visiting every property of every element
// (walkContained) costs ten times as much on a 300-element flow, and this runs on every commit.

/** Lanes of a process, nested lane sets included, parents first. */
function lanesOf(process: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const visit = (laneSet: ModdleElement) => {
    for (const lane of childrenOf(laneSet, 'lanes')) {
      out.push(lane);
      const child = refOf(lane, 'childLaneSet');
      if (child) visit(child);
    }
  };
  for (const laneSet of childrenOf(process, 'laneSets')) visit(laneSet);
  return out;
}

/** Flow elements of a process, sub-process contents included. */
function flowElementsOf(container: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const element of childrenOf(container, 'flowElements')) {
    out.push(element);
    if (is(element, 'bpmn:SubProcess')) out.push(...flowElementsOf(element));
  }
  return out;
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
