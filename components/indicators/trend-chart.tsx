import { getFormatter, getTranslations } from 'next-intl/server';
import type { Indicator } from '@/lib/domain/indicators/indicator';
import { trendGeometry } from '@/lib/domain/indicators/trend-geometry';

/**
 * The trend as a small SVG drawn on the server (prints as it looks, no chart library for a line and a
 * limit). A point that misses the target is a red square, one that meets it a filled circle, so the
 * difference does not rest on colour alone; the values table beside it carries the same data in words.
 */
export async function TrendChart({ indicator }: { indicator: Indicator }) {
  const t = await getTranslations('approval.followUp');
  const format = await getFormatter();
  const g = trendGeometry(indicator);
  const unit = t(`unit.${indicator.unit}`);
  const num = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  const line = g.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  return (
    <svg
      viewBox={`0 0 ${g.width} ${g.height}`}
      role="img"
      aria-label={t('chartLabel', { name: indicator.name, count: g.points.length, target: num(indicator.target), unit })}
      className="mt-2 h-auto w-full max-w-xl"
    >
      <rect x="0" y="0" width={g.width} height={g.height} fill="white" />
      {g.ticks.map((tick) => (
        <g key={tick.y}>
          <line x1="44" x2={g.width - 28} y1={tick.y} y2={tick.y} stroke="#d1d5db" strokeWidth="1" />
          <text x="40" y={tick.y + 4} fontSize="11" textAnchor="end" fill="#374151">
            {num(tick.value)}
          </text>
        </g>
      ))}
      <line x1="44" x2={g.width - 28} y1={g.targetY} y2={g.targetY} stroke="#b91c1c" strokeWidth="2" strokeDasharray="6 4" />
      <text x={g.width - 30} y={g.targetY - 5} fontSize="11" textAnchor="end" fill="#b91c1c">
        {`${t('targetLine')} ${num(indicator.target)} ${unit}`}
      </text>
      {g.points.length > 1 ? <polyline points={line} fill="none" stroke="#0b5394" strokeWidth="2" /> : null}
      {g.points.map((p) =>
        p.meets ? (
          <circle key={p.period} cx={p.x} cy={p.y} r="4.5" fill="#0b5394" />
        ) : (
          <rect key={p.period} x={p.x - 5} y={p.y - 5} width="10" height="10" fill="#b91c1c" />
        ),
      )}
      {g.points.map((p) => (
        <text key={`l-${p.period}`} x={p.x} y={g.height - 8} fontSize="11" textAnchor="middle" fill="#374151">
          {p.period}
        </text>
      ))}
    </svg>
  );
}
