import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, stringOf } from '@/lib/bpmn/elements';
import type { JourneyPhase, ValueClass } from '@/lib/bpmn/stafett-details';
import type { ResponsibilityProjection } from '../responsibility/raci';
import type { WalkthroughStep } from './walkthrough';

// What the step card of present mode says about each step, from the step details the flow already
// holds (issue 11): nothing is entered for a presentation.

export type StepCard = {
  description?: string;
  /** Role names: Responsible and Accountable. */
  responsible: string[];
  accountable: string[];
  touchpoint: boolean;
  journeyPhase?: JourneyPhase;
  timeLimit?: string;
  legalBasis?: string;
  /** The activity's IT system, or the handover's channel. */
  system?: string;
  why?: string;
  valueClass?: ValueClass;
  /** A handover: what passes, and between which roles. */
  what?: string;
  fromRole?: string;
  toRole?: string;
};

export function stepCards(
  steps: readonly WalkthroughStep[],
  elements: ReadonlyMap<string, ModdleElement>,
  projection: ResponsibilityProjection,
  roleNames: ReadonlyMap<string, string>,
): StepCard[] {
  const activities = new Map(projection.activities.map((a) => [a.elementId, a]));
  const handovers = new Map(projection.handovers.map((h) => [h.elementId, h]));
  const names = (ids: readonly string[]) => ids.map((id) => roleNames.get(id) ?? id);
  return steps.map((step) => {
    const element = elements.get(step.elementId);
    const description = element ? documentationOf(element) : undefined;
    const base = description ? { description } : {};
    const handover = handovers.get(step.elementId);
    if (handover) {
      const d = handover.details;
      const fromRole = handover.from.roleId ? roleNames.get(handover.from.roleId) : undefined;
      const toRole = handover.to.roleId ? roleNames.get(handover.to.roleId) : undefined;
      return {
        ...base,
        responsible: names(handover.R),
        accountable: names(handover.A),
        touchpoint: false,
        ...defined({ what: d.what, system: d.channel, timeLimit: d.timeLimit, legalBasis: d.legalBasis, fromRole, toRole }),
      };
    }
    const activity = activities.get(step.elementId);
    if (!activity) {
      const lane = step.laneRoleId ? roleNames.get(step.laneRoleId) : undefined;
      return { ...base, responsible: lane ? [lane] : [], accountable: [], touchpoint: false };
    }
    const d = activity.details;
    return {
      ...base,
      responsible: names(activity.R),
      accountable: names(activity.A),
      touchpoint: d.touchpoint,
      ...defined({ timeLimit: d.timeLimit, legalBasis: d.legalBasis, system: d.itSystem, why: d.why }),
      ...(d.journeyPhase ? { journeyPhase: d.journeyPhase } : {}),
      ...(d.valueClass ? { valueClass: d.valueClass } : {}),
    };
  });
}

function documentationOf(element: ModdleElement): string | undefined {
  const text = childrenOf(element, 'documentation')
    .map((d) => stringOf(d, 'text')?.trim() ?? '')
    .filter(Boolean)
    .join('\n');
  return text || undefined;
}

function defined<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: string };
}
