import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { getRoleReview, listRoleLoad, type RoleReview } from '@/lib/db/role-responsibilities';
import { listOrganisationsForActor } from '@/lib/db/organisations';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/policy';
import { OrganisationBadge } from '@/components/organisation/organisation-badge';
import { PageSection } from '@/components/page-section';
import { RoleLoadTable } from '@/components/responsibility/role-load-table';
import { RoleReviewTable } from '@/components/responsibility/role-review-table';

type Props = { params: Promise<{ id: string }> };

async function reviewOr404(actor: Actor, id: string): Promise<RoleReview> {
  try {
    return await getRoleReview(actor, id);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await loadActor((await requireSessionUser(`/roles/${id}`)).id);
  const review = await reviewOr404(actor, id);
  return { title: (await getTranslations('responsibility.role'))('title', { name: review.role.name }) };
}

/** A manager's review of one role across flows, and the load of every role in the organisations concerned. */
export default async function RolePage({ params }: Props) {
  const { id } = await params;
  const actor = await loadActor((await requireSessionUser(`/roles/${id}`)).id);
  const t = await getTranslations('responsibility.role');
  const review = await reviewOr404(actor, id);
  const { role } = review;
  const mine = await listOrganisationsForActor(actor);
  const organisations = [
    { id: role.organisationId, name: role.organisationName, colour: role.colour },
    ...mine.filter((o) => o.id !== role.organisationId),
  ];
  const loads = await Promise.all(organisations.map((o) => listRoleLoad(actor, o.id)));
  const member = mine.some((o) => o.id === role.organisationId);

  return (
    <main id="main" className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8">
      <div>
        {member ? (
          <Link href={`/organisations/${role.organisationId}`} className="text-brand underline">
            {t('backToOrganisation', { organisation: role.organisationName })}
          </Link>
        ) : null}
        <h1 className="mt-2 text-3xl font-bold">{t('title', { name: role.name })}</h1>
        <p className="mt-1">
          <OrganisationBadge name={role.organisationName} colour={role.colour} />
        </p>
        {role.archived ? <p className="mt-1 text-muted">{t('archived')}</p> : null}
        <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      </div>
      <PageSection headingId="items-heading" heading={t('itemsHeading')} className="mt-6">
        <RoleReviewTable roleName={role.name} items={review.items} />
      </PageSection>
      {organisations.map((o, i) => (
        <PageSection key={o.id} headingId={`load-${o.id}`} heading={t('loadHeading', { organisation: o.name })} className="mt-8">
          <RoleLoadTable organisationName={o.name} loads={loads[i]!} currentRoleId={role.id} />
        </PageSection>
      ))}
    </main>
  );
}
