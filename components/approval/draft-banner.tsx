'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useHeadVersion } from '@/components/editor/head-version-signal';
import { draftStanding, type ApprovalState } from '@/lib/domain/approval/approval-machine';

type Props = {
  flowId: string;
  headVersion: number;
  publishedVersion: number | null;
  pending: Pick<ApprovalState, 'status' | 'version'> | null;
};

/**
 * The draft's standing while the page is open: the head moves with every commit (the user's own and
 * others'), so the first edit after a version was sent for approval is marked at once as not the
 * version being approved.
 */
export function DraftBanner({ flowId, headVersion: initialHead, publishedVersion, pending }: Props) {
  const t = useTranslations('approval.banner');
  const head = useHeadVersion(flowId, initialHead);
  const standing = draftStanding(head, publishedVersion, pending);
  const underApproval = pending?.status === 'pending' ? pending.version : null;
  return (
    <div className="mx-4 mt-2 space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-x-4">
        <span>{publishedVersion !== null ? t('draftAhead', { head, published: publishedVersion }) : t('draftNotPublished')}</span>
        {publishedVersion !== null ? (
          <Link href={`/flows/${flowId}`} className="text-brand underline">
            {t('openPublished')}
          </Link>
        ) : null}
        {publishedVersion !== null && standing.draftAhead ? (
          <Link href={`/flows/${flowId}/diff?from=${publishedVersion}&to=${head}`} className="text-brand underline">
            {t('compare')}
          </Link>
        ) : null}
      </p>
      {/* Always in the page, so a screen reader hears the change when it appears. */}
      <div aria-live="polite">
        {standing.changedDuringApproval && underApproval !== null ? (
          <p role="alert" className="rounded border-2 border-amber-700 bg-amber-50 px-3 py-2 font-semibold">
            {t('changedDuringApproval', { version: underApproval, head })}
          </p>
        ) : null}
        {standing.headUnderApproval && underApproval !== null ? <p className="font-medium">{t('headUnderApproval', { version: underApproval })}</p> : null}
      </div>
    </div>
  );
}
