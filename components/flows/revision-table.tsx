import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { RevisionSummary } from '@/lib/db/flows/list-revisions';
import { suggestionIdIn } from '@/lib/domain/comments/suggestion-link';

type Props = { flowId: string; flowName: string; headVersion: number; revisions: RevisionSummary[]; canEdit: boolean };

/** The flow's revisions, newest first, with links to view each one and (for editors) to restore it. */
export async function RevisionTable({ flowId, flowName, headVersion, revisions, canEdit }: Props) {
  const t = await getTranslations('history');
  const tc = await getTranslations('comments');
  const format = await getFormatter();
  if (revisions.length === 0) return <p>{t('table.empty')}</p>;
  const cell = 'border-b border-gray-300 px-3 py-2 align-top';
  return (
    <table className="w-full border-collapse text-left">
      <caption className="mb-2 text-left text-lg font-semibold">{t('table.caption', { name: flowName })}</caption>
      <thead>
        <tr className="bg-gray-100">
          <th scope="col" className={cell}>{t('table.version')}</th>
          <th scope="col" className={cell}>{t('table.author')}</th>
          <th scope="col" className={cell}>{t('table.when')}</th>
          <th scope="col" className={cell}>{t('table.message')}</th>
          <th scope="col" className={cell}>{t('table.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((r) => (
          <tr key={r.version}>
            <th scope="row" className={`${cell} font-semibold`}>
              {r.version}{' '}
              {r.version === headVersion ? <span className="ml-2 rounded bg-blue-100 px-2 text-sm font-normal text-brand-dark">{t('table.current')}</span> : null}
            </th>
            <td className={cell}>{r.author.name}</td>
            <td className={cell}>
              <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            </td>
            <td className={cell}>
              {r.message || t('table.noMessage')}
              {suggestionIdIn(r.message) && (
                <>
                  {' '}
                  <Link href={`/flows/${flowId}?comment=${suggestionIdIn(r.message)}#comments`} className="text-brand underline">
                    {tc('list.showSuggestion')}
                  </Link>
                </>
              )}
            </td>
            <td className={`${cell} whitespace-nowrap`}>
              <Link href={`/flows/${flowId}/revisions/${r.version}`} aria-label={t('table.viewLabel', { version: r.version })} className="text-brand underline">
                {t('table.view')}
              </Link>
              {canEdit && r.version !== headVersion ? (
                <Link href={`/flows/${flowId}/history?restore=${r.version}#restore`} aria-label={t('table.restoreLabel', { version: r.version })} className="ml-4 text-brand underline">
                  {t('table.restore')}
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
