// Follow-up of time limits (uppföljning): an indicator measures one step or handover per month against
// its target. Pure: parsing an import, telling whether the latest period misses, drawing the trend.

export const INDICATOR_UNITS = ['percent', 'days', 'hours', 'count'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const DIRECTIONS = ['atLeast', 'atMost'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type PeriodValue = { period: string; value: number };

export type Indicator = {
  id: string;
  name: string;
  elementId: string;
  unit: IndicatorUnit;
  target: number;
  direction: Direction;
  values: PeriodValue[];
};

/** A calendar month, YYYY-MM, month 01–12. */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === 'atLeast' ? value >= target : value <= target;
}

/** Values in period order (YYYY-MM sorts as text). */
export function inPeriodOrder(values: readonly PeriodValue[]): PeriodValue[] {
  return [...values].sort((a, b) => a.period.localeCompare(b.period));
}

/** The latest period's value when it misses the target (the warning), else null. */
export function latestMiss(indicator: Pick<Indicator, 'values' | 'target' | 'direction'>): PeriodValue | null {
  const latest = inPeriodOrder(indicator.values).at(-1);
  if (!latest) return null;
  return meetsTarget(latest.value, indicator.target, indicator.direction) ? null : latest;
}
