import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Props = {
  /** Names the navigation landmark: "Sidor i listan över flöden". */
  label: string;
  page: number;
  pageCount: number;
  total: number;
  /** The URL of page `n`, keeping the list's search and the page's other parameters. */
  href: (page: number) => string;
};

/** "Föregående · Sida 2 av 64 (1 600) · Nästa": links, so each page has its own URL. Nothing for one page. */
export async function Pagination({ label, page, pageCount, total, href }: Props) {
  const t = await getTranslations('common.list');
  if (pageCount <= 1) return <p className="mt-2 text-sm text-muted">{t('count', { total })}</p>;
  const link = 'rounded border border-gray-400 px-3 py-1 text-brand underline hover:bg-gray-100';
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pageCount, total })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** `base` with `params` as its query, leaving out empty values. */
export function withParams(base: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '' && !(key.endsWith('page') && value === 1)) query.set(key, String(value));
  const s = query.toString();
  return s ? `${base}?${s}` : base;
}
