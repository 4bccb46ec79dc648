'use client';

import { useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { presentButton, type SharedSession } from './present-data';

type Props = { session: SharedSession; ended: boolean; onEnded: () => void };

/** The presenter's code, links and QR code, and ending the session or revoking the guest link alone. */
export function SharePanel({ session, ended, onEnded }: Props) {
  const t = useTranslations('present.share');
  const format = useFormatter();
  const [guestRevoked, setGuestRevoked] = useState(session.guestRevoked);
  const [error, setError] = useState<string | null>(null);

  async function call(url: string, done: () => void) {
    setError(null);
    const response = await fetch(url, { method: 'DELETE' }).catch(() => null);
    if (response && (response.ok || response.status === 410)) return done();
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setError(t('failed', { message: body?.error?.message ?? String(response?.status ?? 'network') }));
  }

  if (ended) return <p className="rounded-lg border border-gray-300 bg-white p-4 text-base">{t('ended')}</p>;
  return (
    <section aria-labelledby="present-share-heading" className="rounded-lg border border-gray-300 bg-white p-4">
      <h2 id="present-share-heading" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="mt-1 text-base">
        {t('code')}: <strong className="font-mono text-3xl tracking-widest" data-testid="presentation-code">{session.code}</strong>
      </p>
      <div className="mt-2 flex flex-wrap items-start gap-4">
        {!guestRevoked && (
          <div
            role="img"
            aria-label={t('qr')}
            className="h-36 w-36 shrink-0 bg-white [&_svg]:h-full [&_svg]:w-full"
            dangerouslySetInnerHTML={{ __html: session.qrSvg }}
          />
        )}
        <dl className="min-w-0 flex-1 text-sm">
          <dt className="font-semibold">{t('followLink')}</dt>
          <dd className="break-all">
            <a className="text-brand underline" href={session.followUrl} data-testid="follow-link">
              {session.followUrl}
            </a>
          </dd>
          <dt className="mt-2 font-semibold">{t('guestLink')}</dt>
          <dd className="break-all">
            {guestRevoked ? (
              <span>{t('guestRevoked')}</span>
            ) : (
              <a className="text-brand underline" href={session.guestUrl} data-testid="guest-link">
                {session.guestUrl}
              </a>
            )}
          </dd>
        </dl>
      </div>
      <p className="mt-2 text-sm">{t('expires', { time: format.dateTime(new Date(session.expiresAt), { dateStyle: 'short', timeStyle: 'short' }) })}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {!guestRevoked && (
          <button type="button" className={presentButton} onClick={() => void call(`/api/presentations/${session.code}/guest`, () => setGuestRevoked(true))}>
            {t('revokeGuest')}
          </button>
        )}
        <button type="button" className={presentButton} onClick={() => void call(`/api/presentations/${session.code}`, onEnded)}>
          {t('end')}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
