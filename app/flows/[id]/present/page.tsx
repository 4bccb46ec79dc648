import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PresentMode } from '@/components/present/present-mode';
import { PresentationEnded } from '@/components/present/presentation-ended';
import { loadFlowPage, orNotFound } from '@/components/flows/flow-page-access';
import { canDrivePresentation, isPresentationOpen } from '@/lib/auth/policy';
import { findPresentation } from '@/lib/presenting/presentations';
import { presentDataFor, sharedSessionOf } from '@/lib/presenting/present-view';
import { versionParamSchema } from '@/lib/validation/flows';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { flow } = await loadFlowPage(id, `/flows/${id}/present`);
  const t = await getTranslations('present');
  return { title: t('title', { name: flow.name }) };
}

/**
 * Present mode: alone (`?version=N` for a chosen revision), or a shared session (`?session=CODE`),
 * which its presenter drives and everyone else who may view the flow follows. Read-only.
 */
export default async function PresentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { flow, actor } = await loadFlowPage(id, `/flows/${id}/present`);
  const code = typeof query.session === 'string' ? query.session : undefined;
  if (code) {
    const row = await findPresentation(code);
    if (!row || row.flowId !== flow.id) notFound();
    // The proxy answers an ended session's link with 410; this covers the moment in between.
    if (!isPresentationOpen(row)) return <PresentationEnded />;
    const data = await orNotFound(presentDataFor(flow, row.version));
    const mode = canDrivePresentation(actor, row)
      ? { kind: 'presenter' as const, session: await sharedSessionOf(row), stepIndex: row.stepIndex, overview: row.overview }
      : { kind: 'follower' as const, code: row.code, eventsUrl: `/api/presentations/${row.code}/events`, stepIndex: row.stepIndex, overview: row.overview, guest: false };
    return <PresentMode data={data} mode={mode} />;
  }
  const version = versionParamSchema.safeParse(query.version);
  if (query.version !== undefined && !version.success) notFound();
  const data = await orNotFound(presentDataFor(flow, version.success ? version.data : undefined));
  return <PresentMode data={data} mode={{ kind: 'solo', startUrl: `/api/flows/${flow.id}/presentations` }} />;
}
