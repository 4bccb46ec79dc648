import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Band, LandscapeProcess } from '@/lib/domain/landscape';
import { LandscapeCardActions } from './landscape-card-actions';

/** What an admin's controls need: the options of the entry form. */
export type LandscapeManagement = { organisationId: string; flows: { id: string; name: string }[]; coreProcesses: { id: string; name: string }[] };

/** One band of the landscape; each process a card with its purpose, customer, value, legal basis and owner; with `manage`, an admin's controls on each. */
export async function LandscapeBand({ band, processes, manage }: { band: Band; processes: LandscapeProcess[]; manage?: LandscapeManagement }) {
  const t = await getTranslations('landscape');
  const headingId = `band-${band}`;
  const tone = { MANAGEMENT: 'border-purple-700', CORE: 'border-brand', SUPPORT: 'border-gray-600' }[band];
  return (
    <section aria-labelledby={headingId} className={`mt-6 rounded border-l-8 ${tone} bg-gray-50 p-4`}>
      <h2 id={headingId} className="text-2xl font-semibold">
        {t(`bands.${band}`)}
      </h2>
      {processes.length === 0 ? (
        <p className="mt-2">{t('empty')}</p>
      ) : (
        <ul className="mt-3 grid gap-3 md:grid-cols-2">
          {processes.map((p) => (
            <li key={p.id}>
              <article aria-labelledby={`process-${p.id}`} className="h-full rounded border border-gray-400 bg-white p-3">
                <h3 id={`process-${p.id}`} className="text-lg font-semibold">
                  {p.flowId ? (
                    <Link href={`/flows/${p.flowId}`} className="text-brand underline" aria-label={t('openFlow', { name: p.name })}>
                      {p.name}
                    </Link>
                  ) : (
                    p.name
                  )}
                </h3>
                {p.shared ? (
                  <p className="mt-1 text-sm">
                    <span className="mr-2 rounded bg-brand px-2 py-0.5 font-semibold text-white">{t('shared')}</span>
                    {t('sharedWith', { names: p.organisationNames.join(', ') })}
                  </p>
                ) : null}
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  {(['purpose', 'customer', 'valueDelivered', 'legalBasis', 'owner'] as const).map((field) => (
                    <div key={field} className="contents">
                      <dt className="font-medium">{t(field)}</dt>
                      <dd>{p[field] || t('none')}</dd>
                    </div>
                  ))}
                  {p.category === 'SUPPORT' ? (
                    <div className="contents">
                      <dt className="font-medium">{t('serves')}</dt>
                      <dd>{p.serves.map((s) => s.name).join(', ') || t('none')}</dd>
                    </div>
                  ) : null}
                </dl>
                {manage ? <LandscapeCardActions process={p} {...manage} /> : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
