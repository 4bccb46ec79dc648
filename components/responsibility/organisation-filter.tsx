import { getTranslations } from 'next-intl/server';

type Props = { organisations: { id: string; name: string }[]; selected?: string };

/** A plain GET form (?org=…): works without script, and the filtered view has its own address to share. */
export async function OrganisationFilter({ organisations, selected }: Props) {
  const t = await getTranslations('responsibility.matrix');
  return (
    <form method="get" className="mt-3 flex flex-wrap items-end gap-2 print:hidden">
      <div className="flex flex-col">
        <label htmlFor="raci-org" className="text-sm font-medium">
          {t('filterLabel')}
        </label>
        <select id="raci-org" name="org" defaultValue={selected ?? ''} className="rounded border border-gray-500 px-2 py-1">
          <option value="">{t('filterAll')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-gray-500 px-3 py-1 hover:bg-gray-100">
        {t('filterApply')}
      </button>
    </form>
  );
}
