import { getTranslations } from 'next-intl/server';

export default async function LoadingFlow() {
  const t = await getTranslations('editor');
  return (
    <main id="main" className="p-6">
      <p role="status" aria-live="polite" className="text-muted">
        {t('loading')}
      </p>
    </main>
  );
}
