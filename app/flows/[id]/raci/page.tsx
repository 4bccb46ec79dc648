import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { PageSection } from '@/components/page-section';
import { CheckList } from '@/components/responsibility/check-list';
import { CustomerLensNumbers } from '@/components/responsibility/customer-lens-numbers';
import { HandoverTable } from '@/components/responsibility/handover-table';
import { OrganisationFilter } from '@/components/responsibility/organisation-filter';
import { PrintButton } from '@/components/responsibility/print-button';
import { RaciMatrixTable } from '@/components/responsibility/raci-matrix-table';
import { roleNamesOf } from '@/components/responsibility/role-names';
import { loadFlowResponsibility } from '@/lib/db/flows/flow-responsibility';
import { customerLens } from '@/lib/domain/responsibility/customer-lens';
import { filterMatrix, raciMatrix } from '@/lib/domain/responsibility/raci-matrix';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/raci`);
  return { title: (await getTranslations('responsibility.page'))('title', { name: flow.name }) };
}

/** Who is responsible for what in one flow: the RACI matrix, the handovers, the customer lens and the checks. */
export default async function FlowResponsibilityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { flow } = await loadFlowPage(id, `/flows/${id}/raci`);
  const t = await getTranslations('responsibility');
  const { version, projection, findings, catalogue, laneRoleIds } = await loadFlowResponsibility(flow);
  const orgFilter = typeof query.org === 'string' && flow.organisations.some((o) => o.id === query.org) ? query.org : undefined;
  const matrix = filterMatrix(raciMatrix(projection.activities, catalogue, laneRoleIds), orgFilter);
  const roleName = roleNamesOf(catalogue);
  const names = new Map(projection.activities.map((a) => [a.elementId, a.name]));
  const elementName = (id: string | undefined) => (id ? names.get(id) : undefined);

  return (
    <main id="main" className="raci-page mx-auto w-full max-w-[100rem] space-y-6 px-4 py-6">
      <div>
        <Link href={`/flows/${flow.id}`} className="text-brand underline print:hidden">
          {t('page.backToFlow')}
        </Link>
        <h1 className="mt-2 text-3xl font-bold">{t('page.title', { name: flow.name })}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t('page.intro')}</p>
        <p className="mt-1 text-sm text-muted">{t('page.version', { version })}</p>
        <nav aria-label={t('page.sections')} className="mt-3 flex flex-wrap gap-4 text-sm print:hidden">
          <a href="#matrix-heading" className="text-brand underline">{t('matrix.heading')}</a>
          <a href="#handovers-heading" className="text-brand underline">{t('handovers.heading')}</a>
          <a href="#lens-heading" className="text-brand underline">{t('lens.heading')}</a>
          <a href="#checks-heading" className="text-brand underline">{t('checks.heading')}</a>
        </nav>
      </div>

      <PageSection
        headingId="matrix-heading"
        heading={t('matrix.heading')}
        className="mt-4"
        action={
          <div className="flex flex-wrap items-center gap-3 print:hidden">
            <a href={`/api/flows/${flow.id}/raci?format=csv`} className="text-brand underline" download>
              {t('page.exportCsv')}
            </a>
            <PrintButton label={t('page.print')} />
          </div>
        }
      >
        <p className="mt-1 text-sm">{t('matrix.legend')}</p>
        <OrganisationFilter organisations={flow.organisations} selected={orgFilter} />
        {matrix.rows.length === 0 ? <p className="mt-3">{t('matrix.empty')}</p> : <RaciMatrixTable flowName={flow.name} matrix={matrix} />}
      </PageSection>

      <PageSection headingId="checks-heading" heading={t('checks.heading')} className="raci-print-break mt-8">
        <CheckList flowId={flow.id} findings={findings} />
      </PageSection>

      <PageSection headingId="handovers-heading" heading={t('handovers.heading')} className="mt-8">
        <HandoverTable flowName={flow.name} handovers={projection.handovers} roleName={roleName} elementName={elementName} organisations={flow.organisations} />
      </PageSection>

      <PageSection headingId="lens-heading" heading={t('lens.heading')} className="mt-8">
        <CustomerLensNumbers lens={customerLens(projection)} organisations={flow.organisations} />
      </PageSection>
    </main>
  );
}
