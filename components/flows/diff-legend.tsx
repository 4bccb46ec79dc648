import { getTranslations } from 'next-intl/server';

const ITEMS = [
  { kind: 'added', icon: '+', swatch: 'border-green-700 bg-green-100 border-solid' },
  { kind: 'changed', icon: '✎', swatch: 'border-amber-700 bg-amber-100 border-solid' },
  { kind: 'moved', icon: '↔', swatch: 'border-blue-700 bg-white border-dotted' },
  { kind: 'removed', icon: '−', swatch: 'border-red-700 bg-red-100 border-dashed' },
] as const;

/** What the colours mean, in words and border styles as well as colour (WCAG 1.4.1). */
export async function DiffLegend() {
  const t = await getTranslations('history');
  return (
    <section aria-labelledby="legend-title" className="rounded border border-gray-300 p-3">
      <h2 id="legend-title" className="font-semibold">{t('diff.legendTitle')}</h2>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {ITEMS.map((i) => (
          <li key={i.kind} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-flex h-6 w-8 items-center justify-center rounded border-[3px] font-bold ${i.swatch}`}>
              {i.icon}
            </span>
            {t(`diff.legend.${i.kind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
