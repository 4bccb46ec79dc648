'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { postJson } from './post-json';

type Props = { flowId: string; approvalId: string; organisationName: string };

/** Approve or reject, with an optional comment, for the organisation(s) the user approves for. */
export function DecisionForm({ flowId, approvalId, organisationName }: Props) {
  const t = useTranslations('approval.decide');
  const router = useRouter();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(decision: 'approve' | 'reject') {
    setBusy(true);
    setError(null);
    const result = await postJson(`/api/flows/${flowId}/approvals/${approvalId}/decisions`, { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setBusy(false);
    if (!result.ok) setError(t('failed', { message: result.message }));
    else router.refresh();
  }

  return (
    <section aria-labelledby={`${commentId}-heading`} className="mt-4 rounded border border-gray-400 p-4">
      <h3 id={`${commentId}-heading`} className="text-lg font-semibold">
        {t('heading', { organisation: organisationName })}
      </h3>
      <label htmlFor={commentId} className="mt-2 block font-medium">
        {t('comment')}
      </label>
      <textarea id={commentId} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={3} className="mt-1 w-full max-w-xl rounded border border-gray-500 p-2" />
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="button" disabled={busy} onClick={() => submit('approve')} className="rounded bg-green-800 px-4 py-2 font-semibold text-white hover:bg-green-900 disabled:opacity-60">
          {t('approve')}
        </button>
        <button type="button" disabled={busy} onClick={() => submit('reject')} className="rounded border-2 border-danger px-4 py-2 font-semibold text-danger hover:bg-red-50 disabled:opacity-60">
          {t('reject')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
