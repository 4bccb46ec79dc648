'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type Props = { digest?: string; message?: string; onRetry: () => void };

// Production hides server error messages from the browser, so ask the health endpoint whether the
// database is the cause; the message text only helps in development.
const DB_DOWN_TEXT = /ECONNREFUSED|Can't reach database|connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable/i;

function useDatabaseDown(message?: string): boolean {
  const [down, setDown] = useState(Boolean(message && DB_DOWN_TEXT.test(message)));
  useEffect(() => {
    let cancelled = false;
    fetch('/api/health', { cache: 'no-store' })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as { db?: string } | null;
        if (!cancelled && (res.status === 503 || body?.db === 'down')) setDown(true);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return down;
}

/** What a person sees when a page fails: what happened in plain words and a way to try again; never a stack trace. */
export function FriendlyError({ digest, message, onRetry }: Props) {
  const t = useTranslations('errors');
  const dbDown = useDatabaseDown(message);
  return (
    <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-start px-4 py-16">
      <div role="alert" className="w-full rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">{dbDown ? t('dbDownHeading') : t('errorHeading')}</h1>
        <p className="mt-3 text-muted">{dbDown ? t('dbDownBody') : t('errorBody')}</p>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <button type="button" onClick={onRetry} className="rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:bg-brand-dark">
            {t('retry')}
          </button>
          <a href="/" className="text-brand underline underline-offset-2 hover:text-brand-dark">
            {t('backHome')}
          </a>
        </div>
        {digest ? <p className="mt-6 text-xs text-muted">{t('reference', { digest })}</p> : null}
      </div>
    </main>
  );
}
