import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { markFollowedSeenAction } from '@/app/actions';
import { PageSection } from '@/components/page-section';
import { MarkSeenForm } from './mark-seen-form';
import type { FollowedUpdate } from '@/lib/db/follows';

/** In-app notifications of the flows I follow: what others changed, sent for approval or published since I looked. */
export async function FollowedUpdates({ items }: { items: FollowedUpdate[] }) {
  const t = await getTranslations('home.followed');
  return (
    <PageSection headingId="followed-heading" heading={t('heading')} className="mt-8">
      {items.length === 0 ? (
        <p className="mt-2">{t('empty')}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.flowId} className="rounded border border-gray-300 p-3 text-sm">
              <p className="font-medium">{item.flowName}</p>
              <ul className="mt-1 list-disc pl-5">
                {item.changes > 0 ? (
                  <li>{t('changes', { count: item.changes, names: item.authors.slice(0, 3).join(', '), more: item.authors.length > 3 ? 'yes' : 'no' })}</li>
                ) : null}
                {item.approvalVersion !== null ? <li>{t('sent', { version: item.approvalVersion })}</li> : null}
                {item.publishedVersion !== null ? <li>{t('published', { version: item.publishedVersion })}</li> : null}
              </ul>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <Link href={`/flows/${item.flowId}`} className="text-brand underline" aria-label={t('openLabel', { flow: item.flowName })}>
                  {t('open')}
                </Link>
                {item.changes > 0 && item.headVersion > item.seenVersion ? (
                  <Link
                    href={`/flows/${item.flowId}/diff?from=${item.seenVersion}&to=${item.headVersion}`}
                    className="text-brand underline"
                    aria-label={t('compareLabel', { flow: item.flowName })}
                  >
                    {t('compare')}
                  </Link>
                ) : null}
                <MarkSeenForm action={markFollowedSeenAction} field="flowId" value={item.flowId} label={t('seen')} ariaLabel={t('seenLabel', { flow: item.flowName })} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}
