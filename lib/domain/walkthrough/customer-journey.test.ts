import { describe, expect, it } from 'vitest';
import { demoDefinitions, DEMO_INPUT } from '../responsibility/demo-fixture';
import { projectResponsibility } from '../responsibility/raci';
import { customerJourney } from './customer-journey';
import { skippedSteps } from './navigation';
import { walkthroughOf } from './walkthrough';

const terms = new Map([
  [DEMO_INPUT.region.id, 'patient'],
  [DEMO_INPUT.kommun.id, 'brukare'],
]);

async function demo() {
  const definitions = await demoDefinitions();
  const steps = walkthroughOf(definitions);
  const touchpoints = new Set(projectResponsibility(definitions).activities.filter((a) => a.details.touchpoint).map((a) => a.elementId));
  return { steps, touchpoints };
}

describe('customer lens of the demo walkthrough', () => {
  it('says patient in the region and brukare in the kommun, with the word change at the first handover', async () => {
    const { steps, touchpoints } = await demo();
    const journey = customerJourney(steps, { touchpoints, customerTerms: terms });
    expect(journey[0]!.term).toBe('patient');
    expect(journey[3]).toMatchObject({ term: 'brukare', termChange: { from: 'patient', to: 'brukare' }, handovers: 1 });
    expect(journey[5]!.term).toBe('brukare');
    expect(journey.filter((j) => j.termChange)).toHaveLength(4);
  });

  it('counts contacts and handovers as the walk passes them, and leaves out a way not chosen', async () => {
    const { steps, touchpoints } = await demo();
    const all = customerJourney(steps, { touchpoints, customerTerms: terms });
    const last = all[all.length - 1]!;
    expect(last.handovers).toBe(4);
    expect(last.contacts).toBe(touchpoints.size);
    // Contacts never go down, and each step that is a touchpoint adds exactly one.
    all.forEach((j, i) => expect(j.contacts - (all[i - 1]?.contacts ?? 0)).toBe(j.touchpoint ? 1 : 0));
    const samtal = steps.findIndex((s) => s.elementId === 'Task_SamtalPatient');
    expect(all[samtal]).toMatchObject({ touchpoint: true, contacts: 1 });

    const skipped = skippedSteps(steps, { Gateway_SIP: 1 });
    const withoutSip = customerJourney(steps, { touchpoints, customerTerms: terms, skipped });
    expect(withoutSip[withoutSip.length - 1]!.handovers).toBe(3);
  });
});
