import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listRevisions } from '@/lib/db/flows/list-revisions';
import { versionParamSchema } from '@/lib/validation/flows';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { RevisionTable } from '@/components/flows/revision-table';
import { CompareForm } from '@/components/flows/compare-form';
import { RestoreConfirm } from '@/components/flows/restore-confirm';
import { restoreRevisionAction } from './actions';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const versionOf = (v: string | string[] | undefined) => {
  const parsed = versionParamSchema.safeParse(one(v));
  return parsed.success ? parsed.data : undefined;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, flow, canEdit } = await loadFlowPage(id, `/flows/${id}/history`);
  const t = await getTranslations('history');
  const revisions = await listRevisions(actor, flow.id);
  const versions = revisions.map((r) => r.version).sort((a, b) => a - b);

  const restore = versionOf(query.restore);
  const restored = versionOf(query.restored);
  const restoredAs = versionOf(query.as);
  const restoreError = one(query.restoreError);
  const errorKey = restoreError === 'conflict' || restoreError === 'notAllowed' ? restoreError : 'failed';

  return (
    <main id="main" className="mx-auto w-full max-w-5xl space-y-8 px-4 py-8">
      <div>
        <Link href={`/flows/${flow.id}`} className="text-brand underline">{t('backToFlow')}</Link>
        <h1 className="mt-2 text-3xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-lg">{flow.name}</p>
        <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      </div>

      {restored && restoredAs ? (
        <p role="status" className="rounded border-2 border-ok bg-green-50 p-4 font-medium">
          {t('restore.done', { from: restored, version: restoredAs })}
        </p>
      ) : null}
      {restoreError ? (
        <p role="alert" className="rounded border-2 border-danger bg-red-50 p-4 font-medium">{t(`restore.${errorKey}`)}</p>
      ) : null}
      {canEdit && restore && versions.includes(restore) && restore !== flow.headVersion ? (
        <RestoreConfirm flowId={flow.id} version={restore} headVersion={flow.headVersion} action={restoreRevisionAction} />
      ) : null}

      <RevisionTable flowId={flow.id} flowName={flow.name} headVersion={flow.headVersion} revisions={revisions} canEdit={canEdit} />

      <section className="rounded border border-gray-300 p-4">
        <CompareForm flowId={flow.id} versions={versions} />
      </section>
    </main>
  );
}
