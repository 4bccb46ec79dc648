import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ApprovalTable } from '@/components/approval/approval-table';
import { DecisionForm } from '@/components/approval/decision-form';
import { SendForApprovalForm } from '@/components/approval/send-for-approval-form';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { PageSection } from '@/components/page-section';
import { approvingOrganisations, canSendForApproval } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { listApprovals } from '@/lib/db/flows/approvals';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/approval`);
  return { title: (await getTranslations('approval.page'))('title', { name: flow.name }) };
}

/** The flow's approval: the version in force, the approval under way with each organisation's decision, and the history. */
export default async function ApprovalPage({ params }: Props) {
  const { id } = await params;
  const { flow, actor } = await loadFlowPage(id, `/flows/${id}/approval`);
  const t = await getTranslations('approval.page');
  const format = await getFormatter();
  const approvals = await listApprovals(flow.id);
  const pending = approvals.find((a) => a.status === 'pending') ?? null;
  const earlier = approvals.filter((a) => a !== pending);
  const mine = pending ? approvingOrganisations(actor, pending.organisations.filter((o) => o.status === 'pending').map((o) => o.organisationId)) : [];
  const mineNames = pending ? pending.organisations.filter((o) => mine.includes(o.organisationId)).map((o) => o.name).join(', ') : '';

  return (
    <main id="main" className="mx-auto w-full max-w-5xl space-y-6 px-4 py-6">
      <div>
        <Link href={`/flows/${flow.id}`} className="text-brand underline">
          {t('backToFlow')}
        </Link>
        <h1 className="mt-2 text-3xl font-bold">{t('title', { name: flow.name })}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t('intro')}</p>
      </div>

      <PageSection headingId="published-heading" heading={t('published')} className="mt-4">
        <p className="mt-2">
          {flow.publishedVersion !== null && flow.publishedAt
            ? t('publishedAt', { version: flow.publishedVersion, date: format.dateTime(flow.publishedAt, { dateStyle: 'long' }) })
            : t('notPublished')}
        </p>
      </PageSection>

      <PageSection headingId="current-heading" heading={t('current')}>
        {pending ? <ApprovalTable approval={pending} /> : <p className="mt-2">{t('none')}</p>}
        {pending && mine.length > 0 ? <DecisionForm flowId={flow.id} approvalId={pending.id} organisationName={mineNames} /> : null}
        {canSendForApproval(actor, scopeOf(flow)) ? <SendForApprovalForm flowId={flow.id} headVersion={flow.headVersion} /> : null}
      </PageSection>

      <PageSection headingId="history-heading" heading={t('history')}>
        {earlier.length === 0 ? (
          <p className="mt-2">{t('noHistory')}</p>
        ) : (
          earlier.map((a) => (
            <div key={a.id} className="mt-4">
              <ApprovalTable approval={a} />
            </div>
          ))
        )}
      </PageSection>
    </main>
  );
}
