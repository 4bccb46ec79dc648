import type { WalkthroughStep } from './walkthrough';

// Stepping through a walkthrough with the facilitator's choices at gateways. A choice of one way out
// leaves out the steps only the other ways reach; 'all' (the default) shows every way, one after the other.

/** Gateway element id → the index of the chosen branch, or 'all'. */
export type PathChoices = Readonly<Record<string, number | 'all'>>;

/** Indices of the steps left out by the choices made so far. */
export function skippedSteps(steps: readonly WalkthroughStep[], choices: PathChoices): Set<number> {
  const skipped = new Set<number>();
  for (const step of steps) {
    const chosen = choices[step.elementId];
    if (!step.branches || chosen === undefined || chosen === 'all') continue;
    const keep = new Set(step.branches[chosen]?.exclusive ?? []);
    step.branches.forEach((branch, i) => {
      if (i !== chosen) for (const index of branch.exclusive) if (!keep.has(index)) skipped.add(index);
    });
  }
  return skipped;
}

/** The next step to show after `index` (itself at the end). */
export function nextStep(steps: readonly WalkthroughStep[], index: number, choices: PathChoices = {}): number {
  const skipped = skippedSteps(steps, choices);
  for (let i = index + 1; i < steps.length; i++) if (!skipped.has(i)) return i;
  return index;
}

/** The step before `index` on the chosen path (itself at the start). */
export function previousStep(steps: readonly WalkthroughStep[], index: number, choices: PathChoices = {}): number {
  const skipped = skippedSteps(steps, choices);
  for (let i = index - 1; i >= 0; i--) if (!skipped.has(i)) return i;
  return index;
}

/** Where the walk starts and ends on the chosen path: for Home and End. */
export function firstStep(steps: readonly WalkthroughStep[], choices: PathChoices = {}): number {
  const skipped = skippedSteps(steps, choices);
  const i = steps.findIndex((_, k) => !skipped.has(k));
  return Math.max(0, i);
}

export function lastStep(steps: readonly WalkthroughStep[], choices: PathChoices = {}): number {
  const skipped = skippedSteps(steps, choices);
  for (let i = steps.length - 1; i >= 0; i--) if (!skipped.has(i)) return i;
  return 0;
}
