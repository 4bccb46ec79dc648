import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { FlowListItem } from '@/lib/db/flows/list-flows';
import { OrganisationBadges } from '@/components/organisation/organisation-badge';

const ctaClass = 'inline-flex items-center rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark';

/** The flows the user takes part in through any of their organisations, newest change first. */
export async function SharedFlows({ flows, canCreate }: { flows: FlowListItem[]; canCreate: boolean }) {
  const t = await getTranslations('home');
  const o = await getTranslations('organisation');
  const format = await getFormatter();
  return (
    <section aria-labelledby="shared-flows-heading" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="shared-flows-heading" className="text-2xl font-semibold">
          {t('sharedFlows')}
        </h2>
        {canCreate && flows.length > 0 && (
          <Link href="/flows/new" className={ctaClass}>
            {t('createFlow')}
          </Link>
        )}
      </div>
      {flows.length === 0 ? (
        <div className="mt-3 rounded border border-dashed border-gray-400 p-6">
          <p>{t('noFlows')}</p>
          {canCreate && (
            <Link href="/flows/new" className={`${ctaClass} mt-3`}>
              {t('createFlow')}
            </Link>
          )}
        </div>
      ) : (
        <table className="mt-3 w-full border-collapse text-left">
          <caption className="sr-only">{t('sharedFlowsCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-4">{t('nameColumn')}</th>
              <th scope="col" className="py-2 pr-4">{t('organisationsColumn')}</th>
              <th scope="col" className="py-2 pr-4">{t('categoryColumn')}</th>
              <th scope="col" className="py-2 pr-4">{t('lastChangeColumn')}</th>
              <th scope="col" className="py-2">{t('byColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 font-medium">
                  <Link href={`/flows/${flow.id}`} className="text-brand underline hover:text-brand-dark">
                    {flow.name}
                  </Link>
                </th>
                <td className="py-2 pr-4">
                  <OrganisationBadges organisations={flow.organisations} />
                </td>
                <td className="py-2 pr-4">{o(`category.${flow.category}`)}</td>
                <td className="py-2 pr-4">
                  {flow.lastChange ? (
                    <time dateTime={flow.lastChange.at.toISOString()}>
                      {format.dateTime(flow.lastChange.at, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  ) : (
                    t('neverSaved')
                  )}
                </td>
                <td className="py-2">{flow.lastChange?.by ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
