'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { postJson } from '@/components/approval/post-json';

type LineError = { line: number; message: string };

/** One period's value, or a whole CSV file; a refused file lists each bad line so it can be fixed in one go. */
export function IndicatorValuesForm({ flowId, indicatorId, indicatorName }: { flowId: string; indicatorId: string; indicatorName: string }) {
  const t = useTranslations('approval.followUp.enter');
  const router = useRouter();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string; lines?: LineError[] } | null>(null);
  const url = `/api/flows/${flowId}/indicators/${indicatorId}/values`;

  async function saveOne(event: React.FormEvent) {
    event.preventDefault();
    const result = await postJson(url, { values: [{ period, value: Number(value.replace(',', '.')) }] });
    setStatus(result.ok ? { kind: 'ok', text: t('saved') } : { kind: 'error', text: t('failed', { message: result.message }) });
    if (result.ok) router.refresh();
  }

  async function importFile(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.text() });
    if (res.ok) {
      setStatus({ kind: 'ok', text: t('csvSaved') });
      router.refresh();
      return;
    }
    const body = (await res.json().catch(() => null)) as { error?: { message?: string; lines?: LineError[] } } | null;
    const lines = body?.error?.lines;
    setStatus(
      lines
        ? { kind: 'error', text: t('csvFailed', { lines: lines.map((l) => l.line).join(', ') }), lines }
        : { kind: 'error', text: t('failed', { message: body?.error?.message ?? `HTTP ${res.status}` }) },
    );
  }

  return (
    <div className="mt-3 flex flex-wrap gap-6 print:hidden">
      <form onSubmit={saveOne} aria-label={`${t('heading')}: ${indicatorName}`} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-period`} className="block text-sm font-medium">
            {t('period')}
          </label>
          <input id={`${id}-period`} type="month" required pattern="\d{4}-\d{2}" placeholder="2026-01" value={period} onChange={(e) => setPeriod(e.target.value)} className="rounded border border-gray-500 p-1.5" />
        </div>
        <div>
          <label htmlFor={`${id}-value`} className="block text-sm font-medium">
            {t('value')}
          </label>
          <input id={`${id}-value`} inputMode="decimal" required pattern="-?\d+([.,]\d+)?" value={value} onChange={(e) => setValue(e.target.value)} className="w-24 rounded border border-gray-500 p-1.5" />
        </div>
        <button type="submit" className="rounded bg-brand px-3 py-1.5 font-semibold text-white">
          {t('submit')}
        </button>
      </form>
      <form onSubmit={importFile} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {t('csv')}
          </label>
          <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required className="text-sm" />
        </div>
        <button type="submit" className="rounded border border-gray-500 px-3 py-1.5 hover:bg-gray-100">
          {t('csvSubmit')}
        </button>
      </form>
      {status ? (
        <div role={status.kind === 'error' ? 'alert' : 'status'} className={`w-full ${status.kind === 'error' ? 'text-danger' : ''}`}>
          <p>{status.text}</p>
          {status.lines ? (
            <ul className="list-disc pl-5">
              {status.lines.map((l) => (
                <li key={l.line}>{`${l.line}: ${l.message}`}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
