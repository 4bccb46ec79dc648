import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { FlowListItem } from '@/lib/db/flows/list-flows';
import { FlowNameCell } from '@/components/flows/flow-name-cell';
import { DataTable } from '@/components/table/data-table';
import { OrganisationBadges } from '@/components/organisation/organisation-badge';
import { PageSection } from '@/components/page-section';

const ctaClass = 'inline-flex items-center rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark';

/** The flows the user takes part in through any of their organisations, newest change first. */
export async function SharedFlows({ flows, canCreate }: { flows: FlowListItem[]; canCreate: boolean }) {
  const t = await getTranslations('home');
  const o = await getTranslations('organisation');
  const format = await getFormatter();
  return (
    <PageSection
      headingId="shared-flows-heading"
      heading={t('sharedFlows')}
      action={
        canCreate &&
        flows.length > 0 && (
          <Link href="/flows/new" className={ctaClass}>
            {t('createFlow')}
          </Link>
        )
      }
    >
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
        <DataTable
          caption={t('sharedFlowsCaption')}
          columns={[t('nameColumn'), t('organisationsColumn'), t('categoryColumn'), t('lastChangeColumn'), t('byColumn')]}
        >
          {flows.map((flow) => (
            <tr key={flow.id} className="border-b border-gray-200">
              <FlowNameCell flow={flow} />
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
        </DataTable>
      )}
    </PageSection>
  );
}
