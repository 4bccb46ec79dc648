'use client';

import { useTranslations } from 'next-intl';
import type { JourneyStep } from '@/lib/domain/walkthrough/customer-journey';

/** The journey as the customer lives it: their name here, the word change at a handover, the running counts. */
export function CustomerLensStrip({ journey }: { journey: JourneyStep | undefined }) {
  const t = useTranslations('present.lens');
  const term = journey?.term ?? t('customer');
  return (
    <section aria-label={t('label')} className="flex flex-wrap items-center gap-x-6 gap-y-1 border-t border-gray-300 bg-slate-100 px-4 py-2 text-base">
      <h2 className="text-base font-bold">{t('label')}</h2>
      <p>{journey?.termChange ? <strong>{t('termChange', journey.termChange)}</strong> : t('term', { term })}</p>
      <p>{journey?.touchpoint ? <strong>{t('touchpoint', { term })}</strong> : t('notTouchpoint', { term })}</p>
      <p data-testid="lens-contacts">{t('contacts', { count: journey?.contacts ?? 0 })}</p>
      <p data-testid="lens-handovers">{t('handovers', { count: journey?.handovers ?? 0 })}</p>
    </section>
  );
}
