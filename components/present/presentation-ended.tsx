import { getTranslations } from 'next-intl/server';

/** What an ended, expired or revoked follow or guest link shows (with HTTP 410 from the proxy). */
export async function PresentationEnded() {
  const t = await getTranslations('present.ended');
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-lg">{t('body')}</p>
      <p className="mt-2 text-lg">{t('hint')}</p>
    </main>
  );
}
