'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { sendJson } from '@/components/approval/post-json';

/** Follow or stop following the flow: a toggle button (aria-pressed), its answer shown if it fails. */
export function FollowButton({ flowId, following: initial }: { flowId: string; following: boolean }) {
  const t = useTranslations('flow.follow');
  const [following, setFollowing] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    const result = await sendJson(following ? 'DELETE' : 'PUT', `/api/flows/${flowId}/follow`);
    setBusy(false);
    if (!result.ok) return setError(t('failed', { message: result.message }));
    setError(null);
    setFollowing(!following);
  }

  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <button
        type="button"
        aria-pressed={following}
        disabled={busy}
        onClick={toggle}
        title={t('hint')}
        className={`rounded border px-2.5 py-1 font-medium ${following ? 'border-brand bg-brand text-white' : 'border-gray-500 bg-white text-gray-900 hover:bg-gray-100'}`}
      >
        {following ? t('following') : t('follow')}
      </button>
      {error ? <span role="alert" className="text-danger">{error}</span> : null}
    </span>
  );
}
