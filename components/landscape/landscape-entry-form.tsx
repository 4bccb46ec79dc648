'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { sendJson } from '@/components/approval/post-json';
import { BANDS, type EntryInLandscape } from '@/lib/domain/landscape';

type Option = { id: string; name: string };

/** An entry as the form holds it: as stored, but "" for no flow (a select's value). */
export type EntryFormValues = Omit<EntryInLandscape, 'id' | 'flowId'> & { flowId: string };

const EMPTY: EntryFormValues = { name: '', category: 'CORE', purpose: '', customer: '', valueDelivered: '', legalBasis: '', processOwner: '', flowId: '', serves: [] };

/**
 * What an entry says. Without `editing` it adds a process and empties itself; with it, it changes an
 * entry (PUT), or writes the first description of a flow (entryId null: POST with the flow fixed).
 */
export function LandscapeEntryForm({
  organisationId,
  flows,
  coreProcesses,
  editing,
  onDone,
}: {
  organisationId: string;
  flows: Option[];
  coreProcesses: Option[];
  /** placeholders: what the card shows where the entry says nothing (a flow's own purpose, customer …). */
  editing?: { entryId: string | null; title: string; initial: EntryFormValues; placeholders?: Partial<Record<keyof EntryFormValues, string>> };
  onDone?: () => void;
}) {
  const t = useTranslations('landscape');
  const router = useRouter();
  const id = useId();
  const [form, setForm] = useState(editing?.initial ?? EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof EntryFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });
  const base = `/api/organisations/${organisationId}/landscape`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body = { ...form, flowId: form.flowId || null, serves: form.category === 'SUPPORT' ? form.serves : [] };
    const result = editing?.entryId ? await sendJson('PUT', `${base}/${editing.entryId}`, body) : await sendJson('POST', base, body);
    setBusy(false);
    // A refusal keeps everything typed, so nothing is lost.
    if (!result.ok) return setError(t(editing ? 'edit.failed' : 'add.failed', { message: result.message }));
    setError(null);
    if (!editing) setForm(EMPTY);
    onDone?.();
    router.refresh();
  }

  const field = 'mt-1 block w-full rounded border border-gray-500 p-1.5';
  const text = (key: 'name' | 'customer' | 'processOwner' | 'legalBasis' | 'valueDelivered', label: string, required = false) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="font-medium">{label}</label>
      <input id={`${id}-${key}`} required={required} value={form[key]} onChange={set(key)} placeholder={editing?.placeholders?.[key]} className={field} />
    </div>
  );
  const describedFlow = editing && editing.initial.flowId ? flows.find((f) => f.id === editing.initial.flowId) : undefined;
  const servable = coreProcesses.filter((c) => c.id !== form.flowId);
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className={editing ? 'mt-3 border-t border-gray-300 pt-3' : 'mt-8 rounded border border-gray-400 p-4'}>
      <h2 id={`${id}-heading`} className={editing ? 'text-lg font-semibold' : 'text-xl font-semibold'}>
        {editing ? t('edit.heading', { name: editing.title }) : t('add.heading')}
      </h2>
      <div className={editing ? 'mt-2 grid gap-3' : 'mt-2 grid gap-3 sm:grid-cols-2'}>
        {/* A flow's card carries the flow's own name; its description names nothing else. */}
        {describedFlow ? null : text('name', t('add.name'), true)}
        <div>
          <label htmlFor={`${id}-category`} className="font-medium">{t('add.category')}</label>
          <select id={`${id}-category`} value={form.category} onChange={set('category')} className={field}>
            {BANDS.map((b) => <option key={b} value={b}>{t(`bands.${b}`)}</option>)}
          </select>
        </div>
        <div className={editing ? '' : 'sm:col-span-2'}>
          <label htmlFor={`${id}-purpose`} className="font-medium">{t('purpose')}</label>
          <textarea id={`${id}-purpose`} rows={2} value={form.purpose} onChange={set('purpose')} placeholder={editing?.placeholders?.purpose} className={field} />
        </div>
        {text('customer', t('customer'))}
        {text('valueDelivered', t('valueDelivered'))}
        {text('legalBasis', t('legalBasis'))}
        {text('processOwner', t('owner'))}
        {describedFlow ? (
          // A flow's description stays with its flow: the card is the flow's.
          <p>{t('edit.describedFlow', { name: describedFlow.name })}</p>
        ) : (
          <div>
            <label htmlFor={`${id}-flow`} className="font-medium">{t('add.flow')}</label>
            <select id={`${id}-flow`} value={form.flowId} onChange={set('flowId')} className={field}>
              <option value="">{t('add.noFlow')}</option>
              {flows.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          </div>
        )}
        {form.category === 'SUPPORT' && servable.length > 0 ? (
          <fieldset>
            <legend className="font-medium">{t('add.serves')}</legend>
            {servable.map((c) => (
              <label key={c.id} className="mt-1 flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={form.serves.includes(c.id)}
                  onChange={(e) => setForm({ ...form, serves: e.target.checked ? [...form.serves, c.id] : form.serves.filter((s) => s !== c.id) })}
                />
                {c.name}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
          {editing ? t('edit.submit') : t('add.submit')}
        </button>
        {editing ? (
          <button type="button" onClick={onDone} className="rounded border border-gray-500 px-4 py-2">
            {t('edit.cancel')}
          </button>
        ) : null}
      </div>
      {error ? <p role="alert" className="mt-2 text-danger">{error}</p> : null}
    </form>
  );
}
