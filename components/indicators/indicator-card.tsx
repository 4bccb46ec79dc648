import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import { latestMiss, meetsTarget, type Indicator } from '@/lib/domain/indicators/indicator';
import { TrendChart } from './trend-chart';

type Props = { indicator: Indicator; element?: { name: string; timeLimit: string | null }; children?: React.ReactNode };

/** One indicator: what it follows up, its target, the warning when the latest period misses it, the trend and the values. */
export async function IndicatorCard({ indicator, element, children }: Props) {
  const t = await getTranslations('approval.followUp');
  const format = await getFormatter();
  const unit = t(`unit.${indicator.unit}`);
  const num = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const miss = latestMiss(indicator);
  const latest = indicator.values.at(-1);
  const headingId = `indicator-${indicator.id}`;
  return (
    <section aria-labelledby={headingId} className="indicator-card mt-4 rounded border border-gray-400 p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {indicator.name}
      </h3>
      <p className="text-sm">{t('follows', { element: element?.name || indicator.elementId })}</p>
      {element?.timeLimit ? <p className="text-sm">{t('timeLimit', { limit: element.timeLimit })}</p> : null}
      <p className="text-sm font-medium">{t(`target.${indicator.direction}`, { target: num(indicator.target), unit })}</p>
      {miss ? (
        <p role="alert" className="mt-2 rounded border-2 border-danger bg-red-50 px-3 py-2 font-semibold text-danger">
          {t('warning', { period: miss.period, value: num(miss.value), unit })}
        </p>
      ) : latest ? (
        <p className="mt-2 font-medium text-green-800">{t('ok', { period: latest.period })}</p>
      ) : (
        <p className="mt-2">{t('noValues')}</p>
      )}
      {indicator.values.length > 0 ? (
        <div className="flex flex-wrap items-start gap-6">
          <TrendChart indicator={indicator} />
          <DataTable caption={t('valuesCaption', { name: indicator.name })} columns={[t('period'), t('value'), t('meets')]} className="mt-2 w-auto max-w-xs text-sm">
            {indicator.values.map((v) => (
              <tr key={v.period} className="border-b border-gray-200">
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {v.period}
                </th>
                <td className="py-1 pr-4">{`${num(v.value)} ${unit}`}</td>
                <td className="py-1">{meetsTarget(v.value, indicator.target, indicator.direction) ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
      {children}
    </section>
  );
}
