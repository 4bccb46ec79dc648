import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OrganisationSummary } from '@/lib/db/organisations';
import { DataTable } from '@/components/table/data-table';
import { OrganisationBadge } from '@/components/organisation/organisation-badge';
import { PageSection } from '@/components/page-section';

export async function MyOrganisations({ organisations }: { organisations: OrganisationSummary[] }) {
  const t = await getTranslations('home');
  const o = await getTranslations('organisation');
  return (
    <PageSection headingId="my-organisations-heading" heading={t('myOrganisations')} className="mt-8">
      {organisations.length === 0 ? (
        <p className="mt-2">{t('noOrganisations')}</p>
      ) : (
        <DataTable caption={t('myOrganisationsCaption')} columns={[t('organisationColumn'), t('kindColumn'), t('accessColumn')]}>
          {organisations.map((org) => (
            <tr key={org.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/organisations/${org.id}`} className="text-brand underline hover:text-brand-dark">
                  <OrganisationBadge name={org.name} colour={org.colour} />
                </Link>
              </th>
              <td className="py-2 pr-4">{o(`kind.${org.kind}`)}</td>
              <td className="py-2">{o(`access.${org.access}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </PageSection>
  );
}
