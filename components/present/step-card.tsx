'use client';

import { useTranslations } from 'next-intl';
import type { StepCard as Card } from '@/lib/domain/walkthrough/step-cards';
import type { WalkthroughStep } from '@/lib/domain/walkthrough/walkthrough';
import { kindWord, type PresentOrganisation } from './present-data';

/** The card beside the diagram: what the step is, who answers for it, its time limit, system and why. */
export function StepCard({ step, card, label, organisation }: { step: WalkthroughStep; card: Card; label: string; organisation?: PresentOrganisation }) {
  const t = useTranslations('present');
  const handover = step.kind === 'messageFlow';
  const rows: [string, string | undefined][] = handover
    ? [
        [t('card.what'), card.what],
        [t('card.responsible'), card.responsible.join(', ') || undefined],
        [t('card.accountable'), card.accountable.join(', ') || undefined],
        [t('card.timeLimit'), card.timeLimit],
        [t('card.channel'), card.system],
        [t('card.legalBasis'), card.legalBasis],
      ]
    : [
        [t('card.responsible'), card.responsible.join(', ') || undefined],
        [t('card.accountable'), card.accountable.join(', ') || undefined],
        [t('card.timeLimit'), card.timeLimit],
        [t('card.system'), card.system],
        [t('card.why'), card.why],
        [t('card.valueClass'), card.valueClass ? t(`card.valueClasses.${card.valueClass}`) : undefined],
        [t('card.legalBasis'), card.legalBasis],
      ];
  return (
    <section aria-labelledby="present-step-title" className="rounded-lg border border-gray-300 bg-white p-4">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">
        {t(`kinds.${kindWord(step.kind)}`)}
        {organisation && (
          <>
            {' · '}
            <span className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: organisation.colour }} />
              {organisation.name}
            </span>
          </>
        )}
      </p>
      <h2 id="present-step-title" className="mt-1 text-2xl font-bold leading-tight">
        {label}
      </h2>
      {handover && card.fromRole && card.toRole && <p className="mt-1 text-base">{t('card.fromTo', { from: card.fromRole, to: card.toRole })}</p>}
      {card.description && <p className="mt-2 whitespace-pre-line text-base">{card.description}</p>}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-base">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold">{term}</dt>
            <dd className={value ? '' : 'text-muted'}>{value ?? t('card.notSet')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
