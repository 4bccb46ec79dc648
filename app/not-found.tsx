import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col px-4 py-16">
      <div className="rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-brand">404</p>
        <h1 className="mt-1 text-2xl font-semibold">{t('notFoundHeading')}</h1>
        <p className="mt-3 text-muted">{t('notFoundBody')}</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:bg-brand-dark">
          {t('backHome')}
        </Link>
      </div>
    </main>
  );
}
