import { getTranslations } from 'next-intl/server';
import type { OrganisationSummary } from '@/lib/db/organisations';
import { OrganisationBadge } from './organisation-badge';

export async function OrganisationDetails({ organisation }: { organisation: OrganisationSummary }) {
  const t = await getTranslations('organisation');
  return (
    <section aria-labelledby="details-heading" className="mt-4">
      <h2 id="details-heading" className="sr-only">
        {t('details')}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">{t('kindLabel')}</dt>
        <dd>{t(`kind.${organisation.kind}`)}</dd>
        <dt className="font-medium">{t('customerTermLabel')}</dt>
        <dd>{organisation.customerTerm}</dd>
        <dt className="font-medium">{t('colourLabel')}</dt>
        <dd>
          <OrganisationBadge name={organisation.colour} colour={organisation.colour} />
        </dd>
        <dt className="font-medium">{t('myAccessLabel')}</dt>
        <dd>{t(`access.${organisation.access}`)}</dd>
      </dl>
    </section>
  );
}
