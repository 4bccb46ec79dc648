import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { listOrganisationsForActor } from '@/lib/db/organisations';
import { MyOrganisations } from '@/components/home/my-organisations';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organisation');
  return { title: t('listTitle') };
}

/** The organisations I belong to (the same list as on the home page, for a direct address). */
export default async function OrganisationsPage() {
  const user = await requireSessionUser('/organisations');
  const organisations = await listOrganisationsForActor(await loadActor(user.id));
  const t = await getTranslations('organisation');
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t('listTitle')}</h1>
      <MyOrganisations organisations={organisations} />
    </main>
  );
}
