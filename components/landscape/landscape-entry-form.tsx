'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { postJson } from '@/components/approval/post-json';
import { BANDS, type Band } from '@/lib/domain/landscape';

type Option = { id: string; name: string };

/** An admin adds a process to the landscape: its own, or a description of a flow the organisation takes part in. */
export function LandscapeEntryForm({ organisationId, flows, coreProcesses }: { organisationId: string; flows: Option[]; coreProcesses: Option[] }) {
  const t = useTranslations('landscape');
  const router = useRouter();
  const id = useId();
  const empty = { name: '', category: 'CORE' as Band, purpose: '', customer: '', valueDelivered: '', legalBasis: '', processOwner: '', flowId: '', serves: [] as string[] };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await postJson(`/api/organisations/${organisationId}/landscape`, { ...form, flowId: form.flowId || null });
    if (!result.ok) return setError(t('add.failed', { message: result.message }));
    setError(null);
    setForm(empty);
    router.refresh();
  }

  const field = 'mt-1 block w-full rounded border border-gray-500 p-1.5';
  const text = (key: 'name' | 'customer' | 'processOwner' | 'legalBasis', label: string, required = false) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="font-medium">{label}</label>
      <input id={`${id}-${key}`} required={required} value={form[key]} onChange={set(key)} className={field} />
    </div>
  );
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className="mt-8 rounded border border-gray-400 p-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">{t('add.heading')}</h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {text('name', t('add.name'), true)}
        <div>
          <label htmlFor={`${id}-category`} className="font-medium">{t('add.category')}</label>
          <select id={`${id}-category`} value={form.category} onChange={set('category')} className={field}>
            {BANDS.map((b) => <option key={b} value={b}>{t(`bands.${b}`)}</option>)}
          </select>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-purpose`} className="font-medium">{t('purpose')}</label>
          <textarea id={`${id}-purpose`} rows={2} value={form.purpose} onChange={set('purpose')} className={field} />
        </div>
        {text('customer', t('customer'))}
        <div>
          <label htmlFor={`${id}-value`} className="font-medium">{t('valueDelivered')}</label>
          <input id={`${id}-value`} value={form.valueDelivered} onChange={set('valueDelivered')} className={field} />
        </div>
        {text('legalBasis', t('legalBasis'))}
        {text('processOwner', t('owner'))}
        <div>
          <label htmlFor={`${id}-flow`} className="font-medium">{t('add.flow')}</label>
          <select id={`${id}-flow`} value={form.flowId} onChange={set('flowId')} className={field}>
            <option value="">{t('add.noFlow')}</option>
            {flows.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </div>
        {form.category === 'SUPPORT' && coreProcesses.length > 0 ? (
          <fieldset>
            <legend className="font-medium">{t('add.serves')}</legend>
            {coreProcesses.map((c) => (
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
      <button type="submit" className="mt-3 rounded bg-brand px-4 py-2 font-semibold text-white">{t('add.submit')}</button>
      {error ? <p role="alert" className="mt-2 text-danger">{error}</p> : null}
    </form>
  );
}
