import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { organisationsWhere } from '@/lib/auth/policy';
import { loadActor } from '@/lib/db/actors';
import { listOrganisationsWithRoles } from '@/lib/db/flows/flow-form-options';
import { NewFlowForm } from '@/components/flows/new-flow-form';
import { createFlowAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('flow'))('new.title') };
}

export default async function NewFlowPage() {
  const user = await requireSessionUser('/flows/new');
  const actor = await loadActor(user.id);
  const t = await getTranslations('flow');
  const ownerIds = new Set(organisationsWhere(actor, 'flow.create'));
  const organisations = await listOrganisationsWithRoles();
  const owners = organisations.filter((o) => ownerIds.has(o.id)).map((o) => ({ id: o.id, name: o.name }));

  return (
    <main id="main" className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t('new.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl text-muted">{t('new.intro')}</p>
      {owners.length === 0 ? (
        <p role="status" className="rounded border border-gray-400 bg-gray-50 p-4">{t('new.noOwnerOrganisations')}</p>
      ) : (
        <NewFlowForm organisations={organisations} owners={owners} action={createFlowAction} />
      )}
    </main>
  );
}
