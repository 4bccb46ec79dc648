import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DiffColour } from '@/components/bpmn/diagram-handle';
import { diffRevisions } from '@/lib/db/flows/diff-revisions';
import { listRoleNamesForFlow } from '@/lib/db/flows/flow-roles';
import { getRevisionXml } from '@/lib/db/flows/get-revision-xml';
import type { FlowDiff } from '@/lib/domain/diff-bpmn';
import { versionParamSchema } from '@/lib/validation/flows';
import { ChangeList } from '@/components/flows/change-list';
import { CompareForm } from '@/components/flows/compare-form';
import { DiffLegend } from '@/components/flows/diff-legend';
import { loadFlowPage } from '@/components/flows/flow-page-access';
import { DiffDiagrams } from '@/components/flows/diff-diagrams';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('compare.title') };
}

function versionOf(value: string | string[] | undefined, head: number): number | undefined {
  const parsed = versionParamSchema.safeParse(typeof value === 'string' ? value : undefined);
  return parsed.success && parsed.data <= head ? parsed.data : undefined;
}

/** Newer diagram: added, changed, moved. "Changed" wins over "moved" for an element that is both. */
function toColours(diff: FlowDiff): Record<string, DiffColour> {
  const colours: Record<string, DiffColour> = {};
  for (const e of diff.layoutChanged) colours[e.id] = 'moved';
  for (const e of diff.changed) colours[e.id] = 'changed';
  for (const e of diff.added) colours[e.id] = 'added';
  return colours;
}

export default async function DiffPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, flow } = await loadFlowPage(id, `/flows/${id}/diff`);
  const t = await getTranslations('history');
  const from = versionOf(query.from, flow.headVersion);
  const to = versionOf(query.to, flow.headVersion);
  const versions = Array.from({ length: flow.headVersion }, (_, i) => i + 1);

  const header = (
    <div>
      <Link href={`/flows/${flow.id}/history`} className="text-brand underline">{t('backToHistory')}</Link>
      <h1 className="mt-2 text-3xl font-bold">{t('diff.title', { name: flow.name })}</h1>
      {from && to ? <p className="mt-1 text-lg">{t('diff.subtitle', { from, to })}</p> : null}
    </div>
  );

  if (!from || !to || from === to) {
    return (
      <main id="main" className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8">
        {header}
        <p role="alert" className="rounded border-2 border-danger bg-red-50 p-4 font-medium">
          {from && to ? t('diff.same') : t('diff.invalid', { head: flow.headVersion })}
        </p>
        <CompareForm flowId={flow.id} versions={versions} from={from} to={to} />
      </main>
    );
  }

  const [diff, older, newer] = await Promise.all([
    diffRevisions(actor, flow.id, from, to),
    getRevisionXml(actor, flow.id, from),
    getRevisionXml(actor, flow.id, to),
  ]);
  const removed = Object.fromEntries(diff.removed.map((e) => [e.id, 'removed' as const]));

  return (
    <main id="main" className="mx-auto w-full max-w-[100rem] space-y-6 px-4 py-8">
      {header}
      <DiffLegend />
      <p className="text-muted">{t('diff.together')}</p>
      <DiffDiagrams
        before={{ xml: older.xml, colours: removed, heading: t('diff.fromHeading', { version: from }), label: t('diff.fromDiagram', { version: from }) }}
        after={{ xml: newer.xml, colours: toColours(diff), heading: t('diff.toHeading', { version: to }), label: t('diff.toDiagram', { version: to }) }}
      />
      <ChangeList diff={diff} roleNames={await listRoleNamesForFlow(flow.id)} />
      <section className="rounded border border-gray-300 p-4">
        <CompareForm flowId={flow.id} versions={versions} from={from} to={to} />
      </section>
    </main>
  );
}
