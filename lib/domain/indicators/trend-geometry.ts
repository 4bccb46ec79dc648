import { inPeriodOrder, meetsTarget, type Indicator } from './indicator';

export type TrendPoint = { x: number; y: number; period: string; value: number; meets: boolean };
export type TrendGeometry = { width: number; height: number; points: TrendPoint[]; targetY: number; yMin: number; yMax: number; ticks: { y: number; value: number }[] };

// Room on the right for the last month label, which is centred on its point.
const PAD = { left: 44, right: 28, top: 12, bottom: 28 };

/**
 * Where the trend chart draws each value and the target line: the value axis always includes the target
 * (the limit must be in the picture) and, for percent, stays within 0–100.
 */
export function trendGeometry(indicator: Pick<Indicator, 'values' | 'target' | 'direction' | 'unit'>, width = 560, height = 200): TrendGeometry {
  const values = inPeriodOrder(indicator.values);
  const all = [...values.map((v) => v.value), indicator.target];
  let yMin = Math.min(...all);
  let yMax = Math.max(...all);
  const span = yMax - yMin || Math.max(1, Math.abs(yMax) * 0.2);
  yMin -= span * 0.15;
  yMax += span * 0.15;
  if (indicator.unit === 'percent') {
    yMin = Math.max(0, yMin);
    yMax = Math.min(100, yMax);
  }
  if (indicator.unit !== 'percent' && Math.min(...all) >= 0) yMin = Math.max(0, yMin);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const yOf = (v: number) => PAD.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const step = values.length > 1 ? plotW / (values.length - 1) : 0;
  const points = values.map((v, i) => ({
    x: PAD.left + (values.length > 1 ? i * step : plotW / 2),
    y: yOf(v.value),
    period: v.period,
    value: v.value,
    meets: meetsTarget(v.value, indicator.target, indicator.direction),
  }));
  const ticks = [0, 0.5, 1].map((f) => {
    const value = yMin + f * (yMax - yMin);
    return { y: yOf(value), value };
  });
  return { width, height, points, targetY: yOf(indicator.target), yMin, yMax, ticks };
}
