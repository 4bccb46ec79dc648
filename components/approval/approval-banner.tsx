import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ApprovalView } from '@/lib/db/flows/approvals';
import { draftStanding } from '@/lib/domain/approval/approval-machine';

type Props = {
  flow: { id: string; headVersion: number; publishedVersion: number | null; publishedAt: Date | null };
  pending: ApprovalView | null;
  /** Which version the page shows: the published routine, or the draft (the head). */
  showing: 'published' | 'draft';
};

/**
 * Says which version is on screen: the routine in force or the draft, and, while approval is under way,
 * whether the draft is the version being approved or has changed since it was sent.
 */
export async function ApprovalBanner({ flow, pending, showing }: Props) {
  const t = await getTranslations('approval.banner');
  const format = await getFormatter();
  const standing = draftStanding(flow.headVersion, flow.publishedVersion, pending);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long' });
  const compare =
    flow.publishedVersion !== null && standing.draftAhead ? (
      <Link href={`/flows/${flow.id}/diff?from=${flow.publishedVersion}&to=${flow.headVersion}`} className="text-brand underline">
        {t('compare')}
      </Link>
    ) : null;

  if (showing === 'published' && flow.publishedVersion !== null && flow.publishedAt) {
    return (
      <div role="status" className="mx-4 mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 rounded border-2 border-green-700 bg-green-50 px-3 py-2 text-sm">
        <p className="font-semibold">{t('published', { version: flow.publishedVersion, date: date(flow.publishedAt) })}</p>
        <Link href={`/flows/${flow.id}?draft=1`} className="text-brand underline">
          {t('openDraft')}
        </Link>
        {compare}
      </div>
    );
  }
  const underApproval = pending?.status === 'pending' ? pending.version : null;
  return (
    <div className="mx-4 mt-2 space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-x-4">
        <span>
          {flow.publishedVersion !== null ? t('draftAhead', { head: flow.headVersion, published: flow.publishedVersion }) : t('draftNotPublished')}
        </span>
        {flow.publishedVersion !== null ? (
          <Link href={`/flows/${flow.id}`} className="text-brand underline">
            {t('openPublished')}
          </Link>
        ) : null}
        {compare}
      </p>
      {standing.changedDuringApproval && underApproval !== null ? (
        <p role="alert" className="rounded border-2 border-amber-700 bg-amber-50 px-3 py-2 font-semibold">
          {t('changedDuringApproval', { version: underApproval, head: flow.headVersion })}
        </p>
      ) : null}
      {standing.headUnderApproval && underApproval !== null ? <p className="font-medium">{t('headUnderApproval', { version: underApproval })}</p> : null}
    </div>
  );
}
