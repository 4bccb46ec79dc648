import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ApprovalTable } from '@/components/approval/approval-table';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { HandbookSteps, HandbookTouchpoints } from '@/components/handbook/handbook-steps';
import { PageSection } from '@/components/page-section';
import { HandoverTable } from '@/components/responsibility/handover-table';
import { PrintButton } from '@/components/responsibility/print-button';
import { roleNamesOf } from '@/components/responsibility/role-names';
import { IndicatorList } from '@/components/indicators/indicator-list';
import { findPublishingApproval } from '@/lib/db/flows/approvals';
import { listIndicators, listMeasurableElements } from '@/lib/db/indicators';
import { loadFlowResponsibility } from '@/lib/db/flows/flow-responsibility';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/handbook`);
  return { title: (await getTranslations('approval.handbook'))('title', { name: flow.name }) };
}

/**
 * The routine in force as a printable A4 document (print CSS in globals.css: .handbook-page). Before
 * anything is published it shows the draft, marked as not in force, so a draft is never mistaken for it.
 */
export default async function HandbookPage({ params }: Props) {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/handbook`);
  const t = await getTranslations('approval.handbook');
  const format = await getFormatter();
  const published = flow.publishedVersion;
  const { version, projection, catalogue } = await loadFlowResponsibility(flow, published ?? undefined);
  const [approval, indicators, elements] = await Promise.all([
    published !== null ? findPublishingApproval(flow.id, published) : null,
    listIndicators(flow.id),
    listMeasurableElements(flow.id),
  ]);
  const roleName = roleNamesOf(catalogue);
  const orgName = (orgId: string | undefined) => flow.organisations.find((o) => o.id === orgId)?.name;
  const stepName = new Map(projection.activities.map((a) => [a.elementId, a.name]));
  const legalBases = [...new Set([...projection.activities.map((a) => a.details.legalBasis), ...projection.handovers.map((h) => h.details.legalBasis)].filter((b): b is string => !!b))];

  return (
    <main id="main" className="handbook-page mx-auto w-full max-w-5xl space-y-4 px-4 py-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/flows/${flow.id}`} className="text-brand underline">
          {t('backToFlow')}
        </Link>
        <PrintButton label={t('print')} />
      </div>
      <header>
        <h1 className="text-3xl font-bold">{t('title', { name: flow.name })}</h1>
        <p className={`mt-1 font-semibold ${published === null ? 'text-danger' : ''}`}>
          {published !== null && flow.publishedAt
            ? t('inForce', { version: published, date: format.dateTime(flow.publishedAt, { dateStyle: 'long' }) })
            : t('draft', { version })}
        </p>
        <p className="text-sm text-muted">{flow.organisations.map((o) => o.name).join(' · ')}</p>
      </header>

      <PageSection headingId="purpose-heading" heading={t('purpose')} className="mt-4">
        <p className="mt-1 whitespace-pre-line">{flow.purpose || t('noPurpose')}</p>
      </PageSection>

      <PageSection headingId="legal-heading" heading={t('legalBasis')} className="mt-4">
        {legalBases.length ? (
          <ul className="mt-1 list-disc pl-5">
            {legalBases.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1">{t('noLegalBasis')}</p>
        )}
      </PageSection>

      <PageSection headingId="diagram-heading" heading={t('diagram')} className="handbook-diagram mt-4">
        {/* Stafett's own server rendering: a plain image prints reliably on any page size. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/api/flows/${flow.id}/svg?version=${version}`} alt={t('diagramAlt', { name: flow.name, version })} className="mt-2 w-full rounded border border-gray-300" />
      </PageSection>

      <PageSection headingId="steps-heading" heading={t('steps')} className="handbook-break mt-6">
        <HandbookSteps flowName={flow.name} activities={projection.activities} roleName={roleName} organisationName={orgName} />
      </PageSection>

      <PageSection headingId="handovers-heading" heading={t('handovers')} className="mt-6">
        <HandoverTable flowName={flow.name} handovers={projection.handovers} roleName={roleName} elementName={(eid) => (eid ? stepName.get(eid) : undefined)} organisations={flow.organisations} />
      </PageSection>

      <PageSection headingId="touchpoints-heading" heading={t('touchpoints')} className="mt-6">
        <HandbookTouchpoints activities={projection.activities} organisationName={orgName} />
      </PageSection>

      <PageSection headingId="approvals-heading" heading={t('approvals')} className="mt-6">
        {approval ? <ApprovalTable approval={approval} /> : <p className="mt-1">{t('noApprovals')}</p>}
      </PageSection>

      {indicators.length > 0 ? (
        <PageSection headingId="follow-up-heading" heading={t('followUp')} className="mt-6">
          <IndicatorList flowId={flow.id} indicators={indicators} elements={elements} editable={false} />
        </PageSection>
      ) : null}

      <footer className="mt-6 border-t border-gray-300 pt-2 text-sm text-muted">
        {t('versionLine', { version, date: format.dateTime(new Date(), { dateStyle: 'long' }) })}
      </footer>
    </main>
  );
}
