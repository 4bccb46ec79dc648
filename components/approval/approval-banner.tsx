import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ApprovalView } from '@/lib/db/flows/approvals';
import { draftStanding } from '@/lib/domain/approval/approval-machine';
import { DraftBanner } from './draft-banner';

type Props = {
  flow: { id: string; headVersion: number; publishedVersion: number | null; publishedAt: Date | null };
  pending: ApprovalView | null;
  /** Which version the page shows: the published routine, or the draft (the head). */
  showing: 'published' | 'draft';
};

/**
 * Says which version is on screen: the routine in force or the draft, and, while approval is under way,
 * whether the draft is the version being approved or has changed since it was sent (DraftBanner, live).
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
  return (
    <DraftBanner
      flowId={flow.id}
      headVersion={flow.headVersion}
      publishedVersion={flow.publishedVersion}
      pending={pending ? { status: pending.status, version: pending.version } : null}
    />
  );
}
