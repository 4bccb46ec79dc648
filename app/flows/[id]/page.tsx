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
import { ApprovalBanner } from '@/components/approval/approval-banner';
import { RevisionDiagram } from '@/components/flows/revision-diagram';
import { findPendingApproval } from '@/lib/db/flows/approvals';
import { listIndicators } from '@/lib/db/indicators';
import { latestMiss } from '@/lib/domain/indicators/indicator';
import { FollowButton } from '@/components/flows/follow-button';
import { FlowTrends } from '@/components/indicators/flow-trends';
import { isFollowing, markFlowSeen } from '@/lib/db/follows';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}`);
  return { title: flow.name };
}

/**
 * The flow itself. Once a version is in force (fastställd) everyone opens that one, read-only; the draft
 * (?draft=1) is the Modeler for those who may edit, the lighter Viewer for everyone else.
 */
export default async function FlowPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const element = query.element;
  const { flow, canEdit, actor } = await loadFlowPage(id, `/flows/${id}`);
  const t = await getTranslations('editor');
  const tr = await getTranslations('responsibility.links');
  const tp = await getTranslations('present');
  const ta = await getTranslations('approval');
  const showing = flow.publishedVersion !== null && query.draft !== '1' ? 'published' : 'draft';
  const [revision, pending, indicators, following] = await Promise.all([
    orNotFound(findRevision(flow, showing === 'published' ? flow.publishedVersion! : undefined)),
    findPendingApproval(flow.id),
    listIndicators(flow.id),
    isFollowing(actor.userId, flow.id),
    // Opening the flow is seeing what changed in it: the home page stops telling of it.
    markFlowSeen(actor.userId, flow.id),
  ]);
  const missing = indicators.filter((i) => latestMiss(i) !== null).length;
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
        <FollowButton flowId={flow.id} following={following} />
        <nav aria-label={t('flowNav')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
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
          <Link href={`/flows/${flow.id}/approval`} className="text-brand underline">
            {ta('nav.approval')}
          </Link>
          <Link href={`/flows/${flow.id}/handbook`} className="text-brand underline">
            {ta('nav.handbook')}
          </Link>
          <Link href={`/flows/${flow.id}/follow-up`} className="text-brand underline">
            {ta('nav.followUp')}
          </Link>
        </nav>
      </header>
      {missing > 0 ? (
        <p role="status" className="mx-4 mt-2 text-sm font-semibold text-danger">
          {ta('followUp.summary', { count: missing })}{' '}
          <Link href={`/flows/${flow.id}/follow-up`} className="text-brand underline">
            {ta('followUp.openFollowUp')}
          </Link>
        </p>
      ) : null}
      <FlowTrends flowId={flow.id} indicators={indicators} />
      {flow.publishedVersion !== null || pending ? <ApprovalBanner flow={flow} pending={pending} showing={showing} /> : null}
      {showing === 'published' ? (
        <div className="px-4 py-2">
          <RevisionDiagram xml={revision.xml} label={ta('banner.publishedLabel', { version: revision.version })} height="h-[70vh]" />
        </div>
      ) : canEdit ? (
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
