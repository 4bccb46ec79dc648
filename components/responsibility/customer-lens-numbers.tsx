import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { CustomerLens } from '@/lib/domain/responsibility/customer-lens';

type Props = { lens: CustomerLens; organisations: { id: string; name: string; customerTerm: string }[] };

const PHASES = ['before', 'during', 'after', 'unspecified'] as const;
const CLASSES = ['value', 'handover', 'waste', 'unclassified'] as const;

/** Touchpoints per journey phase in each organisation's own word for the customer, and steps by value class. */
export async function CustomerLensNumbers({ lens, organisations }: Props) {
  const t = await getTranslations('responsibility.lens');
  return (
    <>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <p className="mt-2 text-lg font-medium">{t('touchpoints', { count: lens.touchpoints })}</p>
      <DataTable caption={t('touchpointsCaption')} columns={[t('organisation'), ...PHASES.map((p) => t(`phase.${p}`))]}>
        {organisations.map((o) => {
          const counts = lens.byOrganisation.find((b) => b.organisationId === o.id);
          return (
            <tr key={o.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {o.name}: {t('contactsWith', { term: o.customerTerm })}
              </th>
              {PHASES.map((p) => (
                <td key={p} className="py-2 pr-4">{counts?.byPhase[p] ?? 0}</td>
              ))}
            </tr>
          );
        })}
      </DataTable>
      <DataTable caption={t('valueCaption')} columns={[t('valueClass'), t('steps')]} className="mt-6 max-w-md">
        {CLASSES.map((c) => (
          <tr key={c} className="border-b border-gray-200">
            <th scope="row" className="py-2 pr-4 text-left font-medium">{t(`value.${c}`)}</th>
            <td className="py-2">{lens.byValueClass[c]}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2">{t('waste', { count: lens.byValueClass.waste })}</p>
    </>
  );
}
