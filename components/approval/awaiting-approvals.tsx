import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageSection } from '@/components/page-section';
import type { AwaitingApproval } from '@/lib/db/flows/approvals';

/** In-app notification on the home page: the versions waiting for the user's decision. Nothing when none. */
export async function AwaitingApprovals({ items }: { items: AwaitingApproval[] }) {
  if (items.length === 0) return null;
  const t = await getTranslations('approval.notifications');
  return (
    <PageSection headingId="awaiting-heading" heading={t('heading')} className="mt-8 rounded border-2 border-amber-700 bg-amber-50 p-4">
      <ul className="mt-2 space-y-1">
        {items.map((item) => (
          <li key={`${item.approvalId}-${item.organisationName}`}>
            <Link href={`/flows/${item.flowId}/approval`} className="text-brand underline" aria-label={t('open', { flow: item.flowName })}>
              {t('item', { flow: item.flowName, version: item.version, organisation: item.organisationName })}
            </Link>
          </li>
        ))}
      </ul>
    </PageSection>
  );
}
