import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { organisationsWhere } from '@/lib/auth/policy';
import { loadActor } from '@/lib/db/actors';
import { listOrganisationsWithRoles } from '@/lib/db/flows/flow-form-options';
import { env } from '@/lib/env';
import { ImportFlowForm } from '@/components/flows/import-flow-form';
import { importFlowAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('flow'))('import.title') };
}

export default async function ImportFlowPage() {
  const user = await requireSessionUser('/flows/import');
  const actor = await loadActor(user.id);
  const t = await getTranslations('flow');
  const ownerIds = new Set(organisationsWhere(actor, 'flow.create'));
  const owners = (await listOrganisationsWithRoles()).filter((o) => ownerIds.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
  const megabytes = Math.round((env.BPMN_MAX_BYTES / 1024 / 1024) * 10) / 10;

  return (
    <main id="main" className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t('import.title')}</h1>
      <p className="mt-2 mb-6 max-w-2xl text-muted">{t('import.intro')}</p>
      {owners.length === 0 ? (
        <p role="status" className="rounded border border-gray-400 bg-gray-50 p-4">{t('new.noOwnerOrganisations')}</p>
      ) : (
        <ImportFlowForm owners={owners} megabytes={megabytes} maxBytes={env.BPMN_MAX_BYTES} action={importFlowAction} />
      )}
    </main>
  );
}
