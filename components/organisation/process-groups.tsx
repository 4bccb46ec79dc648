import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { FlowListItem } from '@/lib/db/flows/list-flows';
import type { Page } from '@/lib/db/pagination';
import { withParams } from '@/components/list/pagination';
import { FlowNameCell } from '@/components/flows/flow-name-cell';
import { DataTable } from '@/components/table/data-table';
import { PageSection } from '@/components/page-section';
import { OrganisationBadges } from './organisation-badge';

const CATEGORIES = ['CORE', 'SUPPORT', 'MANAGEMENT'] as const;

export type ProcessCategory = (typeof CATEGORIES)[number];

/**
 * The organisation's processes, grouped as core, support and management; empty groups say so. Each
 * group shows its newest few; the rest are a link away, on the home page's searchable list.
 */
export async function ProcessGroups({
  organisationId,
  groups,
  canCreate,
}: {
  organisationId: string;
  groups: Record<ProcessCategory, Page<FlowListItem>>;
  canCreate: boolean;
}) {
  const t = await getTranslations('organisation');
  const format = await getFormatter();
  return (
    <PageSection
      headingId="processes-heading"
      heading={t('processes.heading')}
      action={
        canCreate && (
          <Link href="/flows/new" className="font-medium text-brand underline hover:text-brand-dark">
            {t('processes.createFlow')}
          </Link>
        )
      }
    >
      <p className="text-muted">{t('processes.intro')}</p>
      {CATEGORIES.map((category) => {
        const { items: group, total } = groups[category];
        const headingId = `processes-${category.toLowerCase()}`;
        return (
          <section key={category} aria-labelledby={headingId} className="mt-5">
            <h3 id={headingId} className="text-lg font-semibold">
              {t(`categoryPlural.${category}`)}
            </h3>
            {group.length === 0 ? (
              <p className="text-muted">{t('processes.empty', { category: t(`categoryPlural.${category}`).toLowerCase() })}</p>
            ) : (
              <DataTable
                caption={t(`categoryPlural.${category}`)}
                columns={[t('processes.name'), t('processes.organisations'), t('processes.lastChange')]}
                className="mt-2"
              >
                {group.map((flow) => (
                  <tr key={flow.id} className="border-b border-gray-200">
                    <FlowNameCell flow={flow} />
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
              </DataTable>
            )}
            {total > group.length && (
              <p className="mt-2">
                <Link href={withParams('/', { org: organisationId, category })} className="text-brand underline">
                  {t('processes.showAll', { count: total, category: t(`categoryPlural.${category}`).toLowerCase() })}
                </Link>
              </p>
            )}
          </section>
        );
      })}
    </PageSection>
  );
}
