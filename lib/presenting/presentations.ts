import { canDrivePresentation, isGuestLinkOpen, isPresentationOpen, type Actor } from '@/lib/auth/policy';
import { codeOfGuestToken, guestTokenFor, isGuestTokenOf } from '@/lib/auth/guest-link';
import { loadWalkthroughSteps } from '@/lib/db/flows/flow-walkthrough';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import {
  findPresentationByCode,
  insertPresentation,
  markGuestLinkRevoked,
  markPresentationEnded,
  updatePresentationStep,
  type PresentationRow,
} from '@/lib/db/presentations';
import { AppError } from '@/lib/errors';
import { presentationCodeSchema } from '@/lib/validation/presentations';

// The workshop session service (issue 13): policy, then the row. Route handlers and pages call these.

/** A workshop day: long enough for any session, short enough that a forgotten guest link dies. */
export const DEFAULT_LIFETIME_MINUTES = 8 * 60;

export type PresentationLinks = { code: string; followUrl: string; guestUrl: string; expiresAt: string };

export function followPath(p: Pick<PresentationRow, 'flowId' | 'code'>): string {
  return `/flows/${p.flowId}/present?session=${p.code}`;
}

export function guestPath(p: Pick<PresentationRow, 'id' | 'code'>): string {
  return `/guest/${guestTokenFor(p)}`;
}

export function linksOf(p: PresentationRow, origin: string): PresentationLinks {
  return { code: p.code, followUrl: origin + followPath(p), guestUrl: origin + guestPath(p), expiresAt: p.expiresAt.toISOString() };
}

/** Starts a session on a flow the actor may view (the caller loaded it through policy). */
export async function startPresentation(
  actor: Actor,
  flow: FlowDetail,
  input: { version?: number; expiresInMinutes?: number },
): Promise<PresentationRow> {
  const { version, steps } = await loadWalkthroughSteps(flow, input.version);
  const minutes = input.expiresInMinutes ?? DEFAULT_LIFETIME_MINUTES;
  return insertPresentation({
    flowId: flow.id,
    presenterId: actor.userId,
    version,
    stepCount: steps.length,
    expiresAt: new Date(Date.now() + minutes * 60_000),
  });
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No presentation with this code.');
}

function ended(): AppError {
  return new AppError('GONE', 'This presentation has ended.', { reason: 'PRESENTATION_ENDED' });
}

/** The session by its code as typed (any case); null when there is none. */
export async function findPresentation(raw: string): Promise<PresentationRow | null> {
  const parsed = presentationCodeSchema.safeParse(raw);
  return parsed.success ? findPresentationByCode(parsed.data) : null;
}

async function presentationByCode(raw: string): Promise<PresentationRow> {
  const row = await findPresentation(raw);
  if (!row) throw notFound();
  return row;
}

function assertPresenter(actor: Actor, row: PresentationRow): void {
  if (!canDrivePresentation(actor, row)) {
    throw new AppError('FORBIDDEN', 'Only the person who started this presentation can move or end it.', { reason: 'NOT_PRESENTER' });
  }
}

export async function movePresentation(actor: Actor, code: string, input: { stepIndex: number; overview?: boolean }): Promise<PresentationRow> {
  const row = await presentationByCode(code);
  assertPresenter(actor, row);
  if (!isPresentationOpen(row)) throw ended();
  if (input.stepIndex >= row.stepCount) {
    throw new AppError('INVALID', `stepIndex: this walkthrough has ${row.stepCount} steps (0 to ${row.stepCount - 1})`, { field: 'stepIndex' });
  }
  const overview = input.overview ?? false;
  if (!(await updatePresentationStep(row, input.stepIndex, overview))) throw ended();
  return { ...row, stepIndex: input.stepIndex, overview };
}

export async function endPresentation(actor: Actor, code: string): Promise<void> {
  const row = await presentationByCode(code);
  assertPresenter(actor, row);
  if (!(await markPresentationEnded(row))) throw ended();
}

export async function revokeGuestLink(actor: Actor, code: string): Promise<void> {
  const row = await presentationByCode(code);
  assertPresenter(actor, row);
  if (!isPresentationOpen(row)) throw ended();
  await markGuestLinkRevoked(row);
}

export type GuestLookup = { state: 'open'; presentation: PresentationRow } | { state: 'ended' } | { state: 'unknown' };

/** What a guest link opens: its session while it and the link are open; nothing else, ever. */
export async function presentationForGuest(token: string): Promise<GuestLookup> {
  const code = codeOfGuestToken(token);
  const row = code ? await findPresentationByCode(code) : null;
  if (!row || !isGuestTokenOf(token, row)) return { state: 'unknown' };
  return isGuestLinkOpen(row) ? { state: 'open', presentation: row } : { state: 'ended' };
}
