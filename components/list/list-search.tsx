import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

type Props = {
  /** Names the search landmark: "Sök bland flöden". */
  label: string;
  /** The query parameter of the search text (`q`, `mq` …) and its current value. */
  name: string;
  value: string;
  /** Other parameters of the page to keep (other lists' searches); the list's own page is left out, so a new search starts on page 1. */
  keep?: Record<string, string | undefined>;
  /** Extra fields (filters) beside the search text. */
  children?: ReactNode;
  /** Where "Rensa" leads: the page without this list's search. */
  clearHref?: string;
};

/** A server-side search: a plain GET form, so it works without JavaScript and the URL can be shared. */
export async function ListSearch({ label, name, value, keep = {}, children, clearHref }: Props) {
  const t = await getTranslations('common.list');
  const id = `search-${name}`;
  return (
    <form method="get" role="search" aria-label={label} className="mt-3 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([key, v]) => (v ? <input key={key} type="hidden" name={key} value={v} /> : null))}
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium">
          {t('searchLabel')}
        </label>
        <input id={id} type="search" name={name} defaultValue={value} maxLength={100} className="w-64 rounded border border-gray-500 px-2 py-1" />
      </div>
      {children}
      <button type="submit" className="rounded border border-brand bg-brand px-3 py-1 font-medium text-white hover:bg-brand-dark">
        {t('search')}
      </button>
      {clearHref && value ? (
        <a href={clearHref} className="py-1 text-brand underline">
          {t('clear')}
        </a>
      ) : null}
    </form>
  );
}
