import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FlowEditor } from '@/components/editor/flow-editor';
import { FlowReadOnly } from '@/components/editor/flow-read-only';
import { loadFlowPage, orNotFound } from '@/components/flows/flow-page-access';
import { OrganisationBadges } from '@/components/organisation/organisation-badge';
import { listRolesForFlow } from '@/lib/db/flows/flow-roles';
import { findRevision } from '@/lib/db/flows/get-revision-xml';
import { editorRights } from '@/lib/coediting/editor-rights';
import { commentsContextFor } from '@/lib/comments/comments-context';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}`);
  return { title: flow.name };
}

/** The flow itself: the Modeler for those who may edit, the lighter Viewer for everyone else. */
export default async function FlowPage({ params, searchParams }: Props) {
  const { id } = await params;
  const element = (await searchParams).element;
  const { flow, canEdit, actor } = await loadFlowPage(id, `/flows/${id}`);
  const t = await getTranslations('editor');
  const tr = await getTranslations('responsibility.links');
  const tp = await getTranslations('present');
  const revision = await orNotFound(findRevision(flow));
  const catalogue = await listRolesForFlow(flow.id);
  const comments = await commentsContextFor(actor, flow);
  const tc = await getTranslations('comments');
  const summary = { id: flow.id, name: flow.name };
  const colours = new Map(flow.organisations.map((o) => [o.id, o.colour]));
  const details = {
    catalogue: catalogue.map((c) => ({ ...c, colour: colours.get(c.organisationId) })),
    initialElementId: typeof element === 'string' ? element : undefined,
  };

  return (
    <main id="main" className="flex flex-col">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-1 px-4 pt-2">
        <h1 className="text-xl font-bold">{flow.name}</h1>
        <div className="flex items-center gap-2 text-sm">
          <span className="sr-only">{t('organisations')}:</span>
          <OrganisationBadges organisations={flow.organisations} />
        </div>
        <nav aria-label={t('flowNav')} className="flex gap-4 text-sm">
          <Link href={`/flows/${flow.id}/history`} className="text-brand underline">
            {t('history')}
          </Link>
          <Link href={`/flows/${flow.id}/raci`} className="text-brand underline">
            {tr('responsibility')}
          </Link>
          <Link href={`/flows/${flow.id}/present`} className="text-brand underline">
            {tp('present')}
          </Link>
          <a href="#comments" className="text-brand underline">
            {tc('heading')}
          </a>
          {canEdit && (
            <Link href={`/flows/${flow.id}/mapping`} className="text-brand underline">
              {t('mapping')}
            </Link>
          )}
        </nav>
      </header>
      {canEdit ? (
        <FlowEditor
          flow={summary}
          xml={revision.xml}
          version={revision.version}
          catalogue={catalogue}
          details={details}
          userId={actor.userId}
          rights={editorRights(actor, flow)}
          comments={comments}
        />
      ) : (
        <FlowReadOnly flow={summary} xml={revision.xml} version={revision.version} details={details} comments={comments} />
      )}
    </main>
  );
}
