'use client';

import { NextIntlClientProvider } from 'next-intl';
import { useEffect, useState } from 'react';
import { FriendlyError } from '@/components/friendly-error';
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from '@/lib/i18n/config';
import enErrors from '@/lib/i18n/messages/en/errors.json';
import svErrors from '@/lib/i18n/messages/sv/errors.json';
import './globals.css';

type Props = { error: Error & { digest?: string } };

// Replaces the root layout when it fails (e.g. the database is down while rendering it), so it
// brings its own <html>, messages and language.
const MESSAGES = { sv: { errors: svErrors }, en: { errors: enErrors } } as const;

function cookieLocale(): Locale {
  const match = document.cookie.match(new RegExp(`(?:^|; )${LOCALE_COOKIE}=([^;]*)`));
  return toLocale(match?.[1]);
}

export default function GlobalError({ error }: Props) {
  const [locale, setLocale] = useState<Locale>(DEFAULT_LOCALE);
  useEffect(() => {
    setLocale(cookieLocale());
    console.error(error);
  }, [error]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50">
        <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="Europe/Stockholm">
          {/* A full reload: the root layout itself failed, so nothing smaller can recover it. */}
          <FriendlyError digest={error.digest} message={error.message} onRetry={() => window.location.reload()} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
