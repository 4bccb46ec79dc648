'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { PresentViewer } from '@/components/bpmn/present-viewer';
import { useFlowComments } from '@/components/comments/use-flow-comments';
import { customerJourney } from '@/lib/domain/walkthrough/customer-journey';
import { firstStep, lastStep, nextStep, previousStep, skippedSteps, type PathChoices } from '@/lib/domain/walkthrough/navigation';
import { CustomerLensStrip } from './customer-lens-strip';
import { PathChoice } from './path-choice';
import { contextOf, kindWord, presentButton, presentPrimaryButton, type PresentData, type PresentMode as Mode } from './present-data';
import { FollowBanner } from './follow-banner';
import { SharePanel } from './share-panel';
import { StepCard } from './step-card';
import { usePresentKeys } from './use-present-keys';
import { presenterMoves, usePresentationStream } from './use-presentation-stream';

type Props = { data: PresentData; mode: Mode };

/**
 * Present mode (issue 13), for the facilitator alone, the presenter of a shared session, and its
 * followers (signed in or guests). Read-only: nothing here changes the flow.
 */
export function PresentMode({ data, mode }: Props) {
  const t = useTranslations('present');
  const router = useRouter();
  const { steps } = data;
  const initialIndex = mode.kind === 'follower' || mode.kind === 'presenter' ? mode.stepIndex : 0;
  const [index, setIndex] = useState(Math.min(initialIndex, Math.max(0, steps.length - 1)));
  const [overview, setOverview] = useState(mode.kind === 'follower' || mode.kind === 'presenter' ? mode.overview : false);
  const [choices, setChoices] = useState<PathChoices>({});
  const [following, setFollowingState] = useState(true);
  // Read when the updates are applied, not when they were queued: a key pressed just as the
  // presenter's position arrives must not be overwritten by that position (the effect below may run
  // after the key's handler).
  const followingNow = useRef(true);
  const setFollowing = useCallback((on: boolean) => {
    followingNow.current = on;
    setFollowingState(on);
  }, []);
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const follower = mode.kind === 'follower' ? mode : null;
  const stream = usePresentationStream(follower?.eventsUrl ?? null, { stepIndex: follower?.stepIndex ?? 0, overview: follower?.overview ?? false });
  const sessionEnded = ended || stream.ended;
  // Open comment threads as badges on the canvas (issue 14), for people signed in: a guest link
  // shows the flow and nothing said about it.
  const { badges } = useFlowComments(follower?.guest ? null : data.flow.id);
  const tc = useTranslations('comments');
  const badgeLabel = useCallback((count: number) => tc('badgeLabel', { count }), [tc]);

  // A follower who follows shows the presenter's step and view.
  useEffect(() => {
    if (!follower || !following) return;
    const { stepIndex, overview: presenterOverview } = stream.position;
    setIndex((i) => (followingNow.current ? Math.min(stepIndex, Math.max(0, steps.length - 1)) : i));
    setOverview((o) => (followingNow.current ? presenterOverview : o));
  }, [follower, following, stream.position, steps.length]);

  // The presenter's moves go to the session; followers' screens move through their event stream.
  const send = useMemo(() => (mode.kind === 'presenter' ? presenterMoves(mode.session.code) : null), [mode]);
  const sent = useRef({ index, overview });
  useEffect(() => {
    if (!send || sessionEnded) return;
    if (sent.current.index === index && sent.current.overview === overview) return;
    sent.current = { index, overview };
    send({ stepIndex: index, overview });
  }, [send, index, overview, sessionEnded]);

  const move = useCallback(
    (to: (i: number) => number) => {
      if (follower) setFollowing(false);
      setOverview(false);
      setIndex((i) => to(i));
    },
    [follower, setFollowing],
  );
  const forward = useCallback(() => move((i) => nextStep(steps, i, choices)), [move, steps, choices]);
  const back = useCallback(() => move((i) => previousStep(steps, i, choices)), [move, steps, choices]);
  const toggleOverview = useCallback(() => {
    if (follower) setFollowing(false);
    setOverview((o) => !o);
  }, [follower, setFollowing]);

  usePresentKeys({
    forward,
    back,
    first: () => move(() => firstStep(steps, choices)),
    last: () => move(() => lastStep(steps, choices)),
    overview: toggleOverview,
  });

  const skipped = useMemo(() => skippedSteps(steps, choices), [steps, choices]);
  const journey = useMemo(
    () =>
      customerJourney(steps, {
        touchpoints: new Set(data.touchpoints),
        customerTerms: new Map(data.organisations.map((o) => [o.id, o.customerTerm])),
        skipped,
      }),
    [steps, data.touchpoints, data.organisations, skipped],
  );

  const step = steps[index];
  const label = step ? labelOf(step, data, t) : t('noSteps');
  const focus = useMemo(() => (step ? { elementId: step.elementId, context: contextOf(step) } : null), [step]);
  const organisation = step ? data.organisations.find((o) => o.id === step.organisationId) : undefined;

  async function startSharing() {
    if (mode.kind !== 'solo') return;
    setStarting(true);
    setError(null);
    const response = await fetch(mode.startUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: data.version }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { followUrl?: string; error?: { message?: string } } | null;
    if (response?.status === 201 && body?.followUrl) {
      const url = new URL(body.followUrl, window.location.href);
      router.push(`${url.pathname}${url.search}`);
      return;
    }
    setStarting(false);
    setError(t('share.startFailed', { message: body?.error?.message ?? String(response?.status ?? 'network') }));
  }

  const guest = follower?.guest ?? false;
  return (
    <main id="main" className="stafett-present flex min-h-dvh flex-col bg-white lg:h-dvh">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-gray-300 px-4 py-2">
        <h1 className="text-lg font-bold">{data.flow.name}</h1>
        <nav aria-label={t('controls')} className="flex flex-wrap items-center gap-2">
          <span className="text-base" aria-hidden={steps.length === 0}>
            {t('stepOf', { current: steps.length ? index + 1 : 0, total: steps.length })}
          </span>
          <button type="button" className={presentButton} onClick={back} disabled={index === 0}>
            ◀ {t('previous')}
          </button>
          <button type="button" className={presentPrimaryButton} onClick={forward} disabled={index >= steps.length - 1}>
            {t('next')} ▶
          </button>
          <button type="button" className={presentButton} aria-pressed={overview} aria-keyshortcuts="O" onClick={toggleOverview}>
            {t('overview')}
          </button>
          <button type="button" className={`${presentButton} hidden sm:inline-block`} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('fullscreen')}
          </button>
          {!guest && (
            <Link className="text-base text-brand underline" href={`/flows/${data.flow.id}`}>
              {t('exit')}
            </Link>
          )}
        </nav>
        {mode.kind === 'presenter' && !sessionEnded && (
          <p className="text-base">
            {t('share.code')}: <strong className="font-mono text-xl tracking-widest">{mode.session.code}</strong>
          </p>
        )}
        <p className="sr-only">{t('keys')}</p>
      </div>
      <p role="status" className="sr-only">
        {label}
      </p>
      {follower && (
        <FollowBanner
          ended={sessionEnded}
          following={following}
          presenterStep={stream.position.stepIndex + 1}
          guest={guest}
          onFollow={setFollowing}
        />
      )}
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <div className="relative h-[55dvh] min-w-0 lg:h-auto lg:flex-1">
          <PresentViewer
            xml={data.xml}
            focus={focus}
            overview={overview}
            ariaLabel={t('canvasLabel', { name: data.flow.name })}
            onError={setError}
            badges={badges}
            badgeLabel={badgeLabel}
          />
        </div>
        <aside className="space-y-3 overflow-auto border-gray-300 bg-slate-50 p-3 lg:w-[26rem] lg:border-l">
          {error && (
            <p role="alert" className="text-base text-danger">
              {error}
            </p>
          )}
          {mode.kind === 'solo' && (
            <button type="button" className={presentPrimaryButton} onClick={() => void startSharing()} disabled={starting}>
              {starting ? t('share.starting') : t('share.start')}
            </button>
          )}
          {step && <StepCard step={step} card={data.cards[index]!} label={label} organisation={organisation} />}
          {step?.branches && !follower && (
            <PathChoice
              step={step}
              steps={steps}
              choice={choices[step.elementId] ?? 'all'}
              labelOf={(s) => labelOf(s, data, t)}
              onChoose={(value) => setChoices((c) => ({ ...c, [step.elementId]: value }))}
            />
          )}
          {mode.kind === 'presenter' && <SharePanel session={mode.session} ended={sessionEnded} onEnded={() => setEnded(true)} />}
        </aside>
      </div>
      <CustomerLensStrip journey={journey[index]} />
    </main>
  );
}

type Translate = ReturnType<typeof useTranslations<'present'>>;

/** The step's name, or unnamed, its kind and lane ("Beslutspunkt i Läkare"), never its id. */
function labelOf(step: PresentData['steps'][number], data: PresentData, t: Translate): string {
  if (step.name.trim()) return step.name.trim();
  const type = t(`kinds.${kindWord(step.kind)}`);
  const lane = step.laneId ? data.laneNames[step.laneId] : undefined;
  return lane ? t('inLane', { type, lane }) : type;
}
