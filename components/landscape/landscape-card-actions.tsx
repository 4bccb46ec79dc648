'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { sendJson } from '@/components/approval/post-json';
import type { LandscapeProcess } from '@/lib/domain/landscape';
import { LandscapeEntryForm, type EntryFormValues } from './landscape-entry-form';

type Option = { id: string; name: string };

/** What the admin wrote, or, for a flow not yet described, a description to start from. */
function initialValues(p: LandscapeProcess): EntryFormValues {
  if (p.entry) {
    const { id: _id, ...written } = p.entry;
    return { ...written, flowId: written.flowId ?? '' };
  }
  return { name: p.name, category: p.category, purpose: '', customer: '', valueDelivered: '', legalBasis: '', processOwner: '', flowId: p.flowId ?? '', serves: [] };
}

/** Where a flow's description says nothing, the card shows what the flow says: the form shows it greyed. */
function flowPlaceholders(p: LandscapeProcess) {
  return { purpose: p.purpose, customer: p.customer, legalBasis: p.legalBasis, processOwner: p.owner };
}

/** An admin's controls on one landscape card: change what it says, or remove the entry (asked once more first). */
export function LandscapeCardActions({ organisationId, process, flows, coreProcesses }: { organisationId: string; process: LandscapeProcess; flows: Option[]; coreProcesses: Option[] }) {
  const t = useTranslations('landscape.edit');
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'editing' | 'confirming'>('idle');
  const [error, setError] = useState<string | null>(null);
  const describesFlow = process.flowId !== null;

  async function remove() {
    const result = await sendJson('DELETE', `/api/organisations/${organisationId}/landscape/${process.entry!.id}`);
    if (!result.ok) return setError(t('removeFailed', { message: result.message }));
    setError(null);
    setMode('idle');
    router.refresh();
  }

  if (mode === 'editing') {
    return (
      <LandscapeEntryForm
        organisationId={organisationId}
        flows={flows}
        coreProcesses={coreProcesses}
        editing={{ entryId: process.entry?.id ?? null, title: process.name, initial: initialValues(process), placeholders: process.flowId ? flowPlaceholders(process) : undefined }}
        onDone={() => setMode('idle')}
      />
    );
  }
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      {mode === 'confirming' ? (
        <div role="group" aria-label={t(describesFlow ? 'removeDescriptionLabel' : 'removeLabel', { name: process.name })} className="flex flex-wrap items-center gap-2">
          <p>{t(describesFlow ? 'confirmDescription' : 'confirm', { name: process.name })}</p>
          <button type="button" onClick={remove} className="rounded bg-danger px-3 py-1 font-semibold text-white">
            {t('confirmYes')}
          </button>
          <button type="button" onClick={() => setMode('idle')} className="rounded border border-gray-500 px-3 py-1">
            {t('cancel')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setMode('editing')} aria-label={t('openLabel', { name: process.name })} className="rounded border border-gray-500 px-3 py-1">
            {t('open')}
          </button>
          {process.entry ? (
            <button
              type="button"
              onClick={() => setMode('confirming')}
              aria-label={t(describesFlow ? 'removeDescriptionLabel' : 'removeLabel', { name: process.name })}
              className="rounded border border-danger px-3 py-1 text-danger"
            >
              {t(describesFlow ? 'removeDescription' : 'remove')}
            </button>
          ) : null}
        </>
      )}
      {error ? <p role="alert" className="w-full text-danger">{error}</p> : null}
    </div>
  );
}
