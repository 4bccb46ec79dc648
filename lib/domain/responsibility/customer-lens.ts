import { JOURNEY_PHASES, VALUE_CLASSES, type JourneyPhase, type ValueClass } from '@/lib/bpmn/stafett-details';
import type { ResponsibilityProjection } from './raci';

// The customer's view of a flow in numbers: how often each organisation contacts the person, in which
// phase of the journey, and how much of the work is value, handover or waste.

export type PhaseCounts = Record<JourneyPhase | 'unspecified', number>;

export type CustomerLens = {
  touchpoints: number;
  byPhase: PhaseCounts;
  /** Per organisation (pool), with the organisation's word for the customer filled in by the caller. */
  byOrganisation: { organisationId: string; touchpoints: number; byPhase: PhaseCounts }[];
  byValueClass: Record<ValueClass | 'unclassified', number>;
  activities: number;
};

const emptyPhases = (): PhaseCounts => ({ before: 0, during: 0, after: 0, unspecified: 0 });

export function customerLens(projection: ResponsibilityProjection): CustomerLens {
  const byPhase = emptyPhases();
  const perOrg = new Map<string, { touchpoints: number; byPhase: PhaseCounts }>();
  const byValueClass = { ...Object.fromEntries(VALUE_CLASSES.map((c) => [c, 0])), unclassified: 0 } as CustomerLens['byValueClass'];
  let touchpoints = 0;
  for (const a of projection.activities) {
    byValueClass[a.details.valueClass ?? 'unclassified']++;
    if (!a.details.touchpoint) continue;
    touchpoints++;
    const phase = a.details.journeyPhase ?? 'unspecified';
    byPhase[phase]++;
    if (a.organisationId) {
      const org = perOrg.get(a.organisationId) ?? perOrg.set(a.organisationId, { touchpoints: 0, byPhase: emptyPhases() }).get(a.organisationId)!;
      org.touchpoints++;
      org.byPhase[phase]++;
    }
  }
  return {
    touchpoints,
    byPhase,
    byOrganisation: [...perOrg].map(([organisationId, counts]) => ({ organisationId, ...counts })),
    byValueClass,
    activities: projection.activities.length,
  };
}

export { JOURNEY_PHASES };
