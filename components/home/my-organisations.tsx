import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { OrganisationSummary } from '@/lib/db/organisations';
import { OrganisationBadge } from '@/components/organisation/organisation-badge';

export async function MyOrganisations({ organisations }: { organisations: OrganisationSummary[] }) {
  const t = await getTranslations('home');
  const o = await getTranslations('organisation');
  return (
    <section aria-labelledby="my-organisations-heading" className="mt-8">
      <h2 id="my-organisations-heading" className="text-2xl font-semibold">
        {t('myOrganisations')}
      </h2>
      {organisations.length === 0 ? (
        <p className="mt-2">{t('noOrganisations')}</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left">
          <caption className="sr-only">{t('myOrganisationsCaption')}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-4">{t('organisationColumn')}</th>
              <th scope="col" className="py-2 pr-4">{t('kindColumn')}</th>
              <th scope="col" className="py-2">{t('accessColumn')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
    </section>
  );
}
