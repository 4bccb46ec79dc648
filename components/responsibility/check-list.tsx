import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Finding } from '@/lib/domain/responsibility/checks';
import { findingText } from './finding-text';

type Props = { flowId: string; findings: Finding[] };

/** The responsibility gaps, each a link that opens the flow with that element selected and centred. */
export async function CheckList({ flowId, findings }: Props) {
  const t = await getTranslations('responsibility.checks');
  if (findings.length === 0) return <p className="mt-2">{t('none')}</p>;
  return (
    <>
      <p className="mt-2 font-medium">{t('count', { count: findings.length })}</p>
      <ul className="mt-2 space-y-2">
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.elementId}-${i}`} className="rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
            <span>{findingText(t, f)}</span>{' '}
            <Link
              href={`/flows/${flowId}?element=${encodeURIComponent(f.elementId)}`}
              className="text-brand underline"
              aria-label={`${t('open')}: ${f.name || f.elementId}`}
            >
              {t('open')}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
