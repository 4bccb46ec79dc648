import { getTranslations } from 'next-intl/server';

type Props = { flowId: string; versions: number[]; from?: number; to?: number };

/** A plain GET form to /flows/<id>/diff: works without JavaScript, and the URL can be shared. */
export async function CompareForm({ flowId, versions, from, to }: Props) {
  const t = await getTranslations('history');
  if (versions.length < 2) return <p>{t('compare.needTwo')}</p>;
  const newest = Math.max(...versions);
  const select = 'mt-1 block rounded border border-gray-500 px-3 py-2';
  return (
    <form method="get" action={`/flows/${flowId}/diff`} className="flex flex-wrap items-end gap-4" aria-labelledby="compare-title">
      <h2 id="compare-title" className="w-full text-xl font-semibold">{t('compare.title')}</h2>
      <div>
        <label htmlFor="compare-from" className="block font-semibold">{t('compare.from')}</label>
        <select id="compare-from" name="from" defaultValue={String(from ?? newest - 1)} className={select}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="compare-to" className="block font-semibold">{t('compare.to')}</label>
        <select id="compare-to" name="to" defaultValue={String(to ?? newest)} className={select}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">{t('compare.submit')}</button>
    </form>
  );
}
