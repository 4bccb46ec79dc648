import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { FlowListItem } from '@/lib/db/flows/list-flows';
import { OrganisationBadges } from './organisation-badge';

const CATEGORIES = ['CORE', 'SUPPORT', 'MANAGEMENT'] as const;

/** The organisation's processes, grouped as core, support and management; empty groups say so. */
export async function ProcessGroups({ flows, canCreate }: { flows: FlowListItem[]; canCreate: boolean }) {
  const t = await getTranslations('organisation');
  const format = await getFormatter();
  return (
    <section aria-labelledby="processes-heading" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="processes-heading" className="text-2xl font-semibold">
          {t('processes.heading')}
        </h2>
        {canCreate && (
          <Link href="/flows/new" className="font-medium text-brand underline hover:text-brand-dark">
            {t('processes.createFlow')}
          </Link>
        )}
      </div>
      <p className="text-muted">{t('processes.intro')}</p>
      {CATEGORIES.map((category) => {
        const group = flows.filter((f) => f.category === category);
        const headingId = `processes-${category.toLowerCase()}`;
        return (
          <section key={category} aria-labelledby={headingId} className="mt-5">
            <h3 id={headingId} className="text-lg font-semibold">
              {t(`categoryPlural.${category}`)}
            </h3>
            {group.length === 0 ? (
              <p className="text-muted">{t('processes.empty', { category: t(`categoryPlural.${category}`).toLowerCase() })}</p>
            ) : (
              <table className="mt-2 w-full border-collapse text-left">
                <caption className="sr-only">{t(`categoryPlural.${category}`)}</caption>
                <thead>
                  <tr className="border-b-2 border-gray-400">
                    <th scope="col" className="py-2 pr-4">{t('processes.name')}</th>
                    <th scope="col" className="py-2 pr-4">{t('processes.organisations')}</th>
                    <th scope="col" className="py-2">{t('processes.lastChange')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.map((flow) => (
                    <tr key={flow.id} className="border-b border-gray-200">
                      <th scope="row" className="py-2 pr-4 font-medium">
                        <Link href={`/flows/${flow.id}`} className="text-brand underline hover:text-brand-dark">
                          {flow.name}
                        </Link>
                      </th>
                      <td className="py-2 pr-4">
                        <OrganisationBadges organisations={flow.organisations} />
                      </td>
                      <td className="py-2">
                        {flow.lastChange
                          ? `${format.dateTime(flow.lastChange.at, { dateStyle: 'medium', timeStyle: 'short' })} · ${flow.lastChange.by}`
                          : t('processes.neverSaved')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </section>
  );
}
