import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listOrganisationsWithRoles } from '@/lib/db/flows/flow-form-options';
import { getRevisionXml, readStoredBpmn } from '@/lib/db/flows/get-revision-xml';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { MappingForm, type MappingPool } from '@/components/flows/mapping-form';
import { mapFlowAction } from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('flow'))('mapping.title') };
}

/** Pools → organisations, lanes → roles, for the head revision. Editors only (404 otherwise). */
export default async function MappingPage({ params }: Props) {
  const { id } = await params;
  const { actor, flow } = await loadFlowPage(id, `/flows/${id}/mapping`, 'flow.edit');
  const t = await getTranslations('flow');
  const head = await getRevisionXml(actor, flow.id);
  const summary = describeCollaboration(await readStoredBpmn(head.xml));
  const pools: MappingPool[] = summary.participants.map((p) => ({
    id: p.id,
    name: p.name,
    organisationId: p.organisationId,
    lanes: summary.lanes.filter((l) => l.participantId === p.id).map((l) => ({ id: l.id, name: l.name, roleId: l.roleId })),
  }));
  const organisations = await listOrganisationsWithRoles();

  return (
    <main id="main" className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8">
      <div>
        <Link href={`/flows/${flow.id}`} className="text-brand underline">{t('mapping.backToFlow')}</Link>
        <h1 className="mt-2 text-3xl font-bold">{t('mapping.title')}</h1>
        <p className="mt-1 text-lg">{flow.name}</p>
        <p className="mt-2 max-w-2xl text-muted">{t('mapping.intro')}</p>
      </div>
      <MappingForm
        pools={pools}
        organisations={organisations}
        baseVersion={head.version}
        action={mapFlowAction.bind(null, flow.id)}
      />
    </main>
  );
}
