import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { FlowListItem, FlowListQuery } from '@/lib/db/flows/list-flows';
import type { Page } from '@/lib/db/pagination';
import { ListSearch } from '@/components/list/list-search';
import { Pagination, withParams } from '@/components/list/pagination';
import { FlowNameCell } from '@/components/flows/flow-name-cell';
import { DataTable } from '@/components/table/data-table';
import { OrganisationBadges } from '@/components/organisation/organisation-badge';
import { PageSection } from '@/components/page-section';

const ctaClass = 'inline-flex items-center rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark';

const CATEGORIES = ['CORE', 'SUPPORT', 'MANAGEMENT'] as const;
const select = 'rounded border border-gray-500 px-2 py-1';

type Props = {
  result: Page<FlowListItem>;
  query: Pick<FlowListQuery, 'q' | 'category' | 'organisationId'>;
  /** The organisations the list can be narrowed to (the user's own). */
  organisations: { id: string; name: string }[];
  canCreate: boolean;
};

/**
 * The flows the user takes part in through any of their organisations, newest change first, one page at
 * a time: search, filters and page are URL search params the server reads (?q=&category=&org=&page=).
 */
export async function SharedFlows({ result, query, organisations, canCreate }: Props) {
  const t = await getTranslations('home');
  const o = await getTranslations('organisation');
  const l = await getTranslations('common.list');
  const format = await getFormatter();
  const flows = result.items;
  const filtered = Boolean(query.q || query.category || query.organisationId);
  const params = { q: query.q, category: query.category, org: query.organisationId };
  return (
    <PageSection
      headingId="shared-flows-heading"
      heading={t('sharedFlows')}
      action={
        canCreate &&
        (flows.length > 0 || filtered) && (
          <Link href="/flows/new" className={ctaClass}>
            {t('createFlow')}
          </Link>
        )
      }
    >
      {(flows.length > 0 || filtered) && (
        <ListSearch label={t('searchFlows')} name="q" value={query.q ?? ''} clearHref="/">
          <div className="flex flex-col">
            <label htmlFor="flows-category" className="text-sm font-medium">
              {l('category')}
            </label>
            <select id="flows-category" name="category" defaultValue={query.category ?? ''} className={select}>
              <option value="">{l('allCategories')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {o(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          {organisations.length > 1 && (
            <div className="flex flex-col">
              <label htmlFor="flows-org" className="text-sm font-medium">
                {l('organisation')}
              </label>
              <select id="flows-org" name="org" defaultValue={query.organisationId ?? ''} className={select}>
                <option value="">{l('allOrganisations')}</option>
                {organisations.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </ListSearch>
      )}
      {flows.length === 0 && filtered ? (
        <p className="mt-3">{l('noMatches')}</p>
      ) : flows.length === 0 ? (
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
      {flows.length > 0 && (
        <Pagination
          label={t('flowPages')}
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          href={(page) => withParams('/', { ...params, page })}
        />
      )}
    </PageSection>
  );
}
