import type { ModdleElement } from 'bpmn-moddle';
import { is, refOf } from '@/lib/bpmn/elements';
import {
  handoverDetailsOf,
  organisationIdOf,
  responsibilitiesOf,
  stepDetailsOf,
  type HandoverDetails,
  type RaciType,
  type Responsibility,
  type StepDetails,
} from '@/lib/bpmn/stafett-details';
import { isActivity, readFlowModel, type FlowModel, type LaneInfo } from './flow-model';
import { flowOrder } from './flow-order';

// The RACI projection of a flow: what the matrix, the API, the relational tables and the checks read.

export type RaciLetter = 'R' | 'A' | 'C' | 'I';
export const RACI_LETTERS: readonly RaciLetter[] = ['R', 'A', 'C', 'I'];
export const LETTER_OF: Record<RaciType, RaciLetter> = { responsible: 'R', accountable: 'A', consulted: 'C', informed: 'I' };
export const TYPE_OF: Record<RaciLetter, RaciType> = { R: 'responsible', A: 'accountable', C: 'consulted', I: 'informed' };

export type RaciCells = Record<RaciLetter, string[]>;

export type ActivityRaci = RaciCells & {
  elementId: string;
  name: string;
  type: string;
  organisationId?: string;
  participantId?: string;
  laneId?: string;
  laneRoleId?: string;
  /** True when R comes from the lane (no explicit responsible entry). */
  responsibleFromLane: boolean;
  details: StepDetails;
};

export type HandoverEnd = { organisationId?: string; roleId?: string; elementId?: string; participantId?: string };

export type Handover = {
  elementId: string;
  name: string;
  from: HandoverEnd;
  to: HandoverEnd;
  /** True when the target is a flow node (an activity or event that receives it), not just a pool. */
  hasReceiver: boolean;
  details: HandoverDetails;
  R: string[];
  A: string[];
  C: string[];
  I: string[];
};

export type ResponsibilityProjection = {
  activities: ActivityRaci[];
  handovers: Handover[];
  lanes: LaneInfo[];
};

export function cellsOf(responsibilities: readonly Responsibility[]): RaciCells {
  const cells: RaciCells = { R: [], A: [], C: [], I: [] };
  for (const r of responsibilities) {
    const cell = cells[LETTER_OF[r.type]];
    if (!cell.includes(r.roleId)) cell.push(r.roleId);
  }
  return cells;
}

/** Activities in flow order with their RACI (the lane's role is R when no responsible is named) and handovers. */
export function projectResponsibility(definitions: ModdleElement): ResponsibilityProjection {
  const model = readFlowModel(definitions);
  const order = flowOrder(model);
  const activities: ActivityRaci[] = [];
  for (const id of order) {
    const place = model.nodes.get(id)!;
    if (!isActivity(place.element)) continue;
    const cells = cellsOf(responsibilitiesOf(place.element));
    const responsibleFromLane = cells.R.length === 0 && place.laneRoleId !== undefined;
    if (responsibleFromLane) cells.R.push(place.laneRoleId!);
    activities.push({
      elementId: id,
      name: place.element.name ?? '',
      type: place.element.$type,
      ...optional({ organisationId: place.organisationId, participantId: place.participantId, laneId: place.laneId, laneRoleId: place.laneRoleId }),
      responsibleFromLane,
      details: stepDetailsOf(place.element),
      ...cells,
    });
  }
  return { activities, handovers: handoversOf(model, order), lanes: model.lanes };
}

function handoversOf(model: FlowModel, order: string[]): Handover[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const participantsById = new Map(model.participants.map((p) => [p.id, p]));
  const handovers = model.messageFlows.map((flow) => {
    const details = handoverDetailsOf(flow);
    const source = refOf(flow, 'sourceRef');
    const target = refOf(flow, 'targetRef');
    return {
      elementId: flow.id ?? '',
      name: flow.name ?? '',
      from: endOf(model, participantsById, source, details.fromRoleId),
      to: endOf(model, participantsById, target, details.toRoleId),
      hasReceiver: Boolean(target?.id && model.nodes.has(target.id)),
      details,
      ...cellsOf(responsibilitiesOf(flow)),
    };
  });
  const at = (h: Handover) => rank.get(h.from.elementId ?? '') ?? rank.get(h.to.elementId ?? '') ?? Number.MAX_SAFE_INTEGER;
  return handovers.sort((a, b) => at(a) - at(b) || a.elementId.localeCompare(b.elementId));
}

function endOf(
  model: FlowModel,
  participantsById: Map<string | undefined, ModdleElement>,
  element: ModdleElement | undefined,
  roleId: string | undefined,
): HandoverEnd {
  if (!element?.id) return optional({ roleId });
  const node = model.nodes.get(element.id);
  if (node) {
    return optional({ organisationId: node.organisationId, participantId: node.participantId, elementId: element.id, roleId: roleId ?? node.laneRoleId });
  }
  if (is(element, 'bpmn:Participant')) {
    const participant = participantsById.get(element.id);
    return optional({ organisationId: participant ? organisationIdOf(participant) : undefined, participantId: element.id, roleId });
  }
  return optional({ roleId });
}

/** Drops undefined values, so results compare and serialise without `"x": undefined`. */
function optional<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
