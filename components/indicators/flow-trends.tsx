import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { latestMiss, type Indicator } from '@/lib/domain/indicators/indicator';
import { TrendChart } from './trend-chart';

/**
 * The trends beside the flow: a disclosure above the diagram (closed, so the editor keeps its height)
 * with each indicator's chart, the target drawn in, and whether the latest period met it.
 */
export async function FlowTrends({ flowId, indicators }: { flowId: string; indicators: Indicator[] }) {
  if (indicators.length === 0) return null;
  const t = await getTranslations('approval.followUp');
  const format = await getFormatter();
  const num = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  return (
    <details className="mx-4 mt-2 rounded border border-gray-300 bg-white text-sm">
      <summary className="cursor-pointer px-3 py-1.5 font-medium">{t('besideFlow', { count: indicators.length })}</summary>
      <ul className="grid gap-3 p-3 md:grid-cols-2 xl:grid-cols-3">
        {indicators.map((indicator) => {
          const miss = latestMiss(indicator);
          const latest = indicator.values.at(-1);
          return (
            <li key={indicator.id} className="rounded border border-gray-200 p-2">
              <p className="font-semibold">{indicator.name}</p>
              {indicator.values.length > 0 ? <TrendChart indicator={indicator} /> : null}
              {miss ? (
                <p className="mt-1 font-semibold text-danger">{t('warning', { period: miss.period, value: num(miss.value), unit: t(`unit.${indicator.unit}`) })}</p>
              ) : (
                <p className="mt-1">{latest ? t('ok', { period: latest.period }) : t('noValues')}</p>
              )}
            </li>
          );
        })}
      </ul>
      <p className="px-3 pb-2">
        <Link href={`/flows/${flowId}/follow-up`} className="text-brand underline">
          {t('openFollowUp')}
        </Link>
      </p>
    </details>
  );
}
