import type { WalkthroughStep } from './walkthrough';

// The customer lens of a walkthrough: at each step, what the organisation there calls the customer,
// where that word changes (at a handover between organisations), and how many contacts with the
// customer and handovers between organisations the walk has passed so far. "You are part of the
// customer's process": the counts are what the person lives through.

export type JourneyStep = {
  /** The word for the customer where this step happens (the receiving side for a handover). */
  term?: string;
  /** At a handover between organisations whose words differ: the word before and after. */
  termChange?: { from: string; to: string };
  touchpoint: boolean;
  /** Contacts with the customer up to and including this step, on the path walked. */
  contacts: number;
  /** Handovers between two organisations up to and including this step. */
  handovers: number;
};

export type JourneyInput = {
  /** Activity element ids where the customer is contacted or takes part. */
  touchpoints: ReadonlySet<string>;
  /** organisation id → its word for the customer (brukare, patient). */
  customerTerms: ReadonlyMap<string, string>;
  /** Steps left out by the facilitator's path choices: they count for nothing. */
  skipped?: ReadonlySet<number>;
};

export function customerJourney(steps: readonly WalkthroughStep[], input: JourneyInput): JourneyStep[] {
  let contacts = 0;
  let handovers = 0;
  return steps.map((step, i) => {
    const counted = !input.skipped?.has(i);
    const touchpoint = step.kind !== 'messageFlow' && input.touchpoints.has(step.elementId);
    const fromOrg = step.from?.organisationId;
    const toOrg = step.to?.organisationId;
    const crossing = step.kind === 'messageFlow' && Boolean(fromOrg && toOrg && fromOrg !== toOrg);
    if (counted && touchpoint) contacts++;
    if (counted && crossing) handovers++;
    const termOrg = step.kind === 'messageFlow' ? (toOrg ?? fromOrg) : step.organisationId;
    const term = termOrg ? input.customerTerms.get(termOrg) : undefined;
    const fromTerm = fromOrg ? input.customerTerms.get(fromOrg) : undefined;
    const toTerm = toOrg ? input.customerTerms.get(toOrg) : undefined;
    return {
      ...(term ? { term } : {}),
      ...(crossing && fromTerm && toTerm && fromTerm !== toTerm ? { termChange: { from: fromTerm, to: toTerm } } : {}),
      touchpoint,
      contacts,
      handovers,
    };
  });
}
