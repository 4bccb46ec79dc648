'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import type { WalkthroughStep } from '@/lib/domain/walkthrough/walkthrough';

type Props = {
  step: WalkthroughStep;
  steps: readonly WalkthroughStep[];
  choice: number | 'all';
  labelOf: (step: WalkthroughStep) => string;
  onChoose: (choice: number | 'all') => void;
};

/** At a gateway the facilitator picks the way to walk next, or shows all ways one after the other. */
export function PathChoice({ step, steps, choice, labelOf, onChoose }: Props) {
  const t = useTranslations('present.path');
  const name = useId();
  const options: { value: number | 'all'; label: string }[] = [
    ...(step.branches ?? []).map((branch, i) => {
      const target = steps.find((s) => s.elementId === branch.targetId);
      return { value: i, label: branch.name.trim() || t('to', { target: target ? labelOf(target) : branch.targetId }) };
    }),
    { value: 'all' as const, label: t('all') },
  ];
  return (
    <fieldset className="rounded-lg border border-gray-300 bg-white p-4">
      <legend className="px-1 text-base font-bold">{t('legend')}</legend>
      {options.map((option) => (
        <label key={String(option.value)} className="flex min-h-11 items-center gap-2 text-base">
          <input type="radio" name={name} className="h-5 w-5" checked={choice === option.value} onChange={() => onChoose(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
