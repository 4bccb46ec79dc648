import type { StepCard } from '@/lib/domain/walkthrough/step-cards';
import type { WalkthroughStep } from '@/lib/domain/walkthrough/walkthrough';

// What the present, follow and guest pages hand to the client: one flow version and its walkthrough.

export type PresentOrganisation = { id: string; name: string; colour: string; customerTerm: string };

export type PresentData = {
  flow: { id: string; name: string };
  version: number;
  xml: string;
  steps: WalkthroughStep[];
  cards: StepCard[];
  touchpoints: string[];
  organisations: PresentOrganisation[];
  laneNames: Record<string, string>;
};

export type SharedSession = {
  code: string;
  followUrl: string;
  guestUrl: string;
  expiresAt: string;
  /** The guest link as an SVG QR code (made on the server). */
  qrSvg: string;
  guestRevoked: boolean;
};

export type PresentMode =
  | { kind: 'solo'; startUrl: string }
  | { kind: 'presenter'; session: SharedSession; stepIndex: number; overview: boolean }
  | { kind: 'follower'; code: string; eventsUrl: string; stepIndex: number; overview: boolean; guest: boolean };

/** The step's lane, pool and (for a handover) both ends: shown undimmed with it. */
export function contextOf(step: WalkthroughStep): string[] {
  const ids = [step.laneId, step.participantId, step.from?.elementId, step.from?.laneId, step.from?.participantId, step.to?.elementId, step.to?.laneId, step.to?.participantId];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

export type KindWord = 'event' | 'task' | 'gateway' | 'messageFlow' | 'subProcess' | 'other';

export function kindWord(kind: string): KindWord {
  if (kind === 'messageFlow') return 'messageFlow';
  if (/Event$/.test(kind)) return 'event';
  if (/Gateway$/.test(kind)) return 'gateway';
  if (kind === 'subProcess' || kind === 'callActivity' || kind === 'transaction') return 'subProcess';
  if (/[tT]ask$/.test(kind)) return 'task';
  return 'other';
}

/** Buttons big enough to hit on a phone and to read from a projector (WCAG 2.5.8: at least 24 px). */
export const presentButton =
  'min-h-11 rounded border border-gray-500 bg-white px-3 py-2 text-base text-ink hover:bg-gray-100 disabled:opacity-60';
export const presentPrimaryButton =
  'min-h-11 rounded border border-brand bg-brand px-3 py-2 text-base font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
