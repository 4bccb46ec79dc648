import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getRevisionXml, readStoredBpmn } from '@/lib/db/flows/get-revision-xml';
import { describeCollaboration } from '@/lib/domain/collaboration';
import { versionParamSchema } from '@/lib/validation/flows';
import { loadFlowPage, orNotFound } from '@/components/flows/flow-page-access';
import { RevisionDiagram } from '@/components/flows/revision-diagram';

type Props = { params: Promise<{ id: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: `${(await getTranslations('history'))('table.version')} ${version}` };
}

/** One revision, read-only, with who saved it, when and why. */
export default async function RevisionPage({ params }: Props) {
  const { id, version: rawVersion } = await params;
  const parsed = versionParamSchema.safeParse(rawVersion);
  const { actor, flow } = await loadFlowPage(id, `/flows/${id}/revisions/${rawVersion}`);
  if (!parsed.success) notFound();
  const revision = await orNotFound(getRevisionXml(actor, flow.id, parsed.data));
  const hasDiagram = describeCollaboration(await readStoredBpmn(revision.xml)).hasDiagram;
  const t = await getTranslations('history');
  const format = await getFormatter();
  const tp = await getTranslations('present');

  return (
    <main id="main" className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8">
      <div>
        <Link href={`/flows/${flow.id}/history`} className="text-brand underline">{t('backToHistory')}</Link>
        <h1 className="mt-2 text-3xl font-bold">{t('revision.title', { version: revision.version, name: flow.name })}</h1>
        <p className="mt-1 text-muted">{t('revision.readOnly')}</p>
      </div>
      <dl aria-label={t('revision.meta')} className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t('revision.savedBy')}</dt>
        <dd>{revision.authorName}</dd>
        <dt className="font-semibold">{t('revision.when')}</dt>
        <dd>
          <time dateTime={revision.createdAt.toISOString()}>{format.dateTime(revision.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</time>
        </dd>
        <dt className="font-semibold">{t('revision.message')}</dt>
        <dd>{revision.message || t('table.noMessage')}</dd>
      </dl>
      <p className="flex flex-wrap gap-x-6">
        {revision.version > 1 ? (
          <Link href={`/flows/${flow.id}/diff?from=${revision.version - 1}&to=${revision.version}`} className="text-brand underline">
            {t('revision.compareWithPrevious')}
          </Link>
        ) : null}
        <Link href={`/flows/${flow.id}/present?version=${revision.version}`} className="text-brand underline">
          {tp('presentVersion', { version: revision.version })}
        </Link>
      </p>
      {hasDiagram ? (
        <RevisionDiagram xml={revision.xml} label={t('revision.diagram', { version: revision.version })} />
      ) : (
        <p role="status" className="rounded border-2 border-amber-700 bg-amber-50 p-4 font-medium">{t('revision.noDiagram')}</p>
      )}
    </main>
  );
}
