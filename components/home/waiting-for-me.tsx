import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { markNoticeSeenAction } from '@/app/actions';
import { PageSection } from '@/components/page-section';
import { MarkSeenForm } from './mark-seen-form';
import type { WaitingItem } from '@/lib/db/comments/waiting';

/** Suggestions addressed to my organisation, mentions of me and decisions on my suggestions (issue 14). */
export async function WaitingForMe({ items }: { items: WaitingItem[] }) {
  const t = await getTranslations('comments.waiting');
  const format = await getFormatter();
  return (
    <PageSection headingId="waiting" heading={t('heading')} className="mt-8">
      {items.length === 0 ? (
        <p className="mt-2">{t('empty')}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-2">
          {items.map((item) => (
            <li key={`${item.kind}-${item.noticeId ?? item.commentId}`} className="rounded border border-gray-300 p-3 text-sm">
              <p className="font-medium">
                {item.kind === 'suggestion'
                  ? t('suggestion', { flow: item.flowName })
                  : item.kind === 'mention'
                    ? t('mention', { name: item.authorName, flow: item.flowName })
                    : t('decided', { flow: item.flowName, status: item.status })}
              </p>
              <p className="text-xs text-muted">
                {item.elementName ?? ''} · {format.dateTime(item.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
              </p>
              {/* A comment's words are shown as text: React escapes them, markup never runs. */}
              <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words">{item.body}</p>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <Link href={`/flows/${item.flowId}${item.elementId ? `?element=${encodeURIComponent(item.elementId)}` : ''}#comments`} className="text-brand underline">
                  {t('open')}
                </Link>
                {item.noticeId && <MarkSeenForm action={markNoticeSeenAction} field="noticeId" value={item.noticeId} label={t('seen')} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}
