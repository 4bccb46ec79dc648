'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { postJson } from './post-json';

/** The owner admin's form: which version to send (the newest by default). */
export function SendForApprovalForm({ flowId, headVersion }: { flowId: string; headVersion: number }) {
  const t = useTranslations('approval.send');
  const router = useRouter();
  const id = useId();
  const [version, setVersion] = useState(String(headVersion));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await postJson(`/api/flows/${flowId}/approvals`, { version: Number(version) });
    setBusy(false);
    setMessage(result.ok ? { kind: 'ok', text: t('sent', { version }) } : { kind: 'error', text: t('failed', { message: result.message }) });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} className="mt-4 rounded border border-gray-400 p-4">
      <h3 id={`${id}-heading`} className="text-lg font-semibold">
        {t('heading')}
      </h3>
      <label htmlFor={id} className="mt-2 block font-medium">
        {t('version')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t('versionHint', { head: headVersion })}
      </p>
      <input
        id={id}
        type="number"
        min={1}
        max={headVersion}
        required
        value={version}
        onChange={(e) => setVersion(e.target.value)}
        aria-describedby={`${id}-hint`}
        className="mt-1 w-28 rounded border border-gray-500 p-2"
      />
      <div className="mt-3">
        <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
          {busy ? t('sending') : t('submit')}
        </button>
      </div>
      {message ? (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={`mt-2 ${message.kind === 'error' ? 'text-danger' : ''}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
