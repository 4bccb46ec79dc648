import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { IndicatorList } from '@/components/indicators/indicator-list';
import { NewIndicatorForm } from '@/components/indicators/new-indicator-form';
import { PageSection } from '@/components/page-section';
import { canKeepIndicators } from '@/lib/auth/policy';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { listIndicators, listMeasurableElements } from '@/lib/db/indicators';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/follow-up`);
  return { title: (await getTranslations('approval.followUp'))('title', { name: flow.name }) };
}

/** Follow-up of the flow's time limits: each indicator's trend against its target, and entering values. */
export default async function FollowUpPage({ params }: Props) {
  const { id } = await params;
  const { flow, actor } = await loadFlowPage(id, `/flows/${id}/follow-up`);
  const t = await getTranslations('approval');
  const [indicators, elements] = await Promise.all([listIndicators(flow.id), listMeasurableElements(flow.id)]);
  const editable = canKeepIndicators(actor, scopeOf(flow));
  return (
    <main id="main" className="mx-auto w-full max-w-5xl space-y-4 px-4 py-6">
      <div>
        <Link href={`/flows/${flow.id}`} className="text-brand underline">
          {t('page.backToFlow')}
        </Link>
        <h1 className="mt-2 text-3xl font-bold">{t('followUp.title', { name: flow.name })}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t('followUp.intro')}</p>
      </div>
      <PageSection headingId="indicators-heading" heading={t('followUp.heading')} className="mt-4">
        {indicators.length === 0 ? <p className="mt-2">{t('followUp.none')}</p> : <IndicatorList flowId={flow.id} indicators={indicators} elements={elements} editable={editable} />}
        {editable && elements.length > 0 ? <NewIndicatorForm flowId={flow.id} elements={elements} /> : null}
      </PageSection>
    </main>
  );
}
