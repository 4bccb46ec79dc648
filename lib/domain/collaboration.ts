import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, walkContained } from '@/lib/bpmn/elements';
import { organisationIdOf, roleIdOf } from '@/lib/bpmn/stafett-details';

export type ParticipantSummary = { id: string; name: string; organisationId?: string; processId?: string };
export type LaneSummary = { id: string; name: string; roleId?: string; participantId?: string };
export type MessageFlowSummary = { id: string; name: string; sourceRef: string; targetRef: string };

export type CollaborationSummary = {
  participants: ParticipantSummary[];
  lanes: LaneSummary[];
  messageFlows: MessageFlowSummary[];
  /** Semantic elements (bpmn:*) by type, across all processes, sub-processes and collaborations. */
  elementCounts: Record<string, number>;
  hasDiagram: boolean;
};

export type Bounds = { x: number; y: number; width: number; height: number };

/** Who takes part (pools and their organisations), in which roles (lanes), and what they hand over. */
export function describeCollaboration(definitions: ModdleElement): CollaborationSummary {
  const roots = childrenOf(definitions, 'rootElements');
  const participants: ParticipantSummary[] = [];
  const messageFlows: MessageFlowSummary[] = [];
  for (const collaboration of roots.filter((r) => is(r, 'bpmn:Collaboration'))) {
    for (const p of childrenOf(collaboration, 'participants')) participants.push(summariseParticipant(p));
    for (const m of childrenOf(collaboration, 'messageFlows')) {
      messageFlows.push({
        id: m.id ?? '',
        name: m.name ?? '',
        sourceRef: refOf(m, 'sourceRef')?.id ?? '',
        targetRef: refOf(m, 'targetRef')?.id ?? '',
      });
    }
  }

  const participantOfProcess = new Map(participants.filter((p) => p.processId).map((p) => [p.processId, p.id]));
  const lanes: LaneSummary[] = [];
  for (const process of roots.filter((r) => is(r, 'bpmn:Process'))) {
    const participantId = process.id ? participantOfProcess.get(process.id) : undefined;
    walkContained(process, (element) => {
      if (!is(element, 'bpmn:Lane')) return;
      const roleId = roleIdOf(element);
      lanes.push({
        id: element.id ?? '',
        name: element.name ?? '',
        ...(roleId ? { roleId } : {}),
        ...(participantId ? { participantId } : {}),
      });
    });
  }

  return {
    participants,
    lanes,
    messageFlows,
    elementCounts: countByType(listElementIds(definitions)),
    hasDiagram: childrenOf(definitions, 'diagrams').length > 0,
  };
}

function summariseParticipant(participant: ModdleElement): ParticipantSummary {
  const organisationId = organisationIdOf(participant);
  const processId = refOf(participant, 'processRef')?.id;
  return {
    id: participant.id ?? '',
    name: participant.name ?? '',
    ...(organisationId ? { organisationId } : {}),
    ...(processId ? { processId } : {}),
  };
}

/** Ids of every semantic element (bpmn:*) by type; elements without an id are listed as ''. */
export function listElementIds(definitions: ModdleElement): Record<string, string[]> {
  const byType: Record<string, string[]> = {};
  for (const root of childrenOf(definitions, 'rootElements')) {
    walkContained(root, (element) => {
      if (!element.$type.startsWith('bpmn:')) return;
      (byType[element.$type] ??= []).push(element.id ?? '');
    });
  }
  for (const ids of Object.values(byType)) ids.sort();
  return byType;
}

function countByType(ids: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(ids).map(([type, list]) => [type, list.length]));
}

/**
 * Bounds of every DI shape, keyed by the id of the element it draws. An element drawn on more than
 * one diagram (a collapsed sub-process and its own plane) gets `id@planeId` for the later ones.
 */
export function describeShapes(definitions: ModdleElement): Record<string, Bounds> {
  const shapes: Record<string, Bounds> = {};
  for (const diagram of childrenOf(definitions, 'diagrams')) {
    const plane = refOf(diagram, 'plane');
    if (!plane) continue;
    for (const shape of childrenOf(plane, 'planeElement')) {
      const bounds = refOf(shape, 'bounds');
      const elementId = refOf(shape, 'bpmnElement')?.id;
      if (!bounds || !elementId) continue;
      const key = shapes[elementId] ? `${elementId}@${plane.id ?? ''}` : elementId;
      shapes[key] = boundsOf(bounds);
    }
  }
  return shapes;
}

export function boundsOf(bounds: ModdleElement): Bounds {
  const n = (property: string) => Number(bounds.get(property) ?? 0);
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
}
