'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { postJson } from '@/components/approval/post-json';
import { DIRECTIONS, INDICATOR_UNITS } from '@/lib/domain/indicators/indicator';

type Element = { elementId: string; name: string; timeLimit: string | null };

/** A new indicator for a step or handover of the flow; those with a time limit come first. */
export function NewIndicatorForm({ flowId, elements }: { flowId: string; elements: Element[] }) {
  const t = useTranslations('approval.followUp');
  const router = useRouter();
  const id = useId();
  const ordered = [...elements.filter((e) => e.timeLimit), ...elements.filter((e) => !e.timeLimit)];
  const [form, setForm] = useState({ name: '', elementId: ordered[0]?.elementId ?? '', unit: 'percent', target: '', direction: 'atLeast' });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await postJson(`/api/flows/${flowId}/indicators`, { ...form, target: Number(form.target.replace(',', '.')) });
    if (!result.ok) return setError(t('add.failed', { message: result.message }));
    setError(null);
    setForm({ ...form, name: '', target: '' });
    router.refresh();
  }

  const field = 'mt-1 block rounded border border-gray-500 p-1.5';
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className="mt-6 rounded border border-gray-400 p-4 print:hidden">
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {t('add.heading')}
      </h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="font-medium">{t('add.name')}</label>
          <input id={`${id}-name`} required maxLength={200} value={form.name} onChange={set('name')} className={`${field} w-full`} />
        </div>
        <div>
          <label htmlFor={`${id}-element`} className="font-medium">{t('add.element')}</label>
          <select id={`${id}-element`} value={form.elementId} onChange={set('elementId')} aria-describedby={`${id}-element-hint`} className={`${field} w-full`}>
            {ordered.map((e) => (
              <option key={e.elementId} value={e.elementId}>
                {e.timeLimit ? `${e.name || e.elementId} (${e.timeLimit})` : e.name || e.elementId}
              </option>
            ))}
          </select>
          <p id={`${id}-element-hint`} className="text-sm text-muted">{t('add.elementHint')}</p>
        </div>
        <div>
          <label htmlFor={`${id}-unit`} className="font-medium">{t('add.unit')}</label>
          <select id={`${id}-unit`} value={form.unit} onChange={set('unit')} className={field}>
            {INDICATOR_UNITS.map((u) => (
              <option key={u} value={u}>{t(`unitName.${u}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-target`} className="font-medium">{t('add.target')}</label>
          <input id={`${id}-target`} required inputMode="decimal" pattern="-?\d+([.,]\d+)?" value={form.target} onChange={set('target')} className={`${field} w-28`} />
        </div>
        <div>
          <label htmlFor={`${id}-direction`} className="font-medium">{t('add.direction')}</label>
          <select id={`${id}-direction`} value={form.direction} onChange={set('direction')} className={field}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>{t(`direction.${d}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="mt-3 rounded bg-brand px-4 py-2 font-semibold text-white">
        {t('add.submit')}
      </button>
      {error ? <p role="alert" className="mt-2 text-danger">{error}</p> : null}
    </form>
  );
}
