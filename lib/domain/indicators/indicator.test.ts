import { describe, expect, it } from 'vitest';
import { inPeriodOrder, latestMiss, meetsTarget } from './indicator';
import { parseValuesCsv } from './parse-values-csv';
import { trendGeometry } from './trend-geometry';

describe('parseValuesCsv', () => {
  it('reads the header and one row per period, ignoring a BOM, CRLF and a trailing newline', () => {
    expect(parseValuesCsv('\uFEFFperiod,value\r\n2026-01,92.5\r\n2026-02,88\r\n')).toEqual({
      ok: true,
      values: [
        { period: '2026-01', value: 92.5 },
        { period: '2026-02', value: 88 },
      ],
    });
  });

  it('names every bad line by its number in the file, the header being line 1', () => {
    const result = parseValuesCsv(['period,value', '2026-01,90', '2026-13,80', 'januari,70', '2026-02,', '2026-03,1,2', '2026-01,50', '2026-04,8,5'].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(result.errors.find((e) => e.line === 7)?.message).toMatch(/line 2/);
  });

  it('refuses a missing or wrong header and a file without rows', () => {
    expect(parseValuesCsv('2026-01,90')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseValuesCsv('period,value\n')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});

describe('latestMiss', () => {
  it('warns when the latest period (not the last row sent) misses an atLeast target', () => {
    const values = [
      { period: '2026-03', value: 80 },
      { period: '2026-01', value: 95 },
    ];
    expect(latestMiss({ values, target: 90, direction: 'atLeast' })).toEqual({ period: '2026-03', value: 80 });
    expect(latestMiss({ values: inPeriodOrder(values).slice(0, 1), target: 90, direction: 'atLeast' })).toBeNull();
  });

  it('for atMost, a value above the target misses and one on it meets it', () => {
    expect(latestMiss({ values: [{ period: '2026-01', value: 4 }], target: 3, direction: 'atMost' })).not.toBeNull();
    expect(meetsTarget(3, 3, 'atMost')).toBe(true);
    expect(meetsTarget(90, 90, 'atLeast')).toBe(true);
  });

  it('no values, no warning', () => {
    expect(latestMiss({ values: [], target: 1, direction: 'atLeast' })).toBeNull();
  });
});

describe('trendGeometry', () => {
  it('keeps the target inside the chart even when every value is far from it, and orders points by period', () => {
    const g = trendGeometry({ unit: 'days', target: 3, direction: 'atMost', values: [{ period: '2026-02', value: 10 }, { period: '2026-01', value: 12 }] });
    expect(g.points.map((p) => p.period)).toEqual(['2026-01', '2026-02']);
    expect(g.targetY).toBeGreaterThan(0);
    expect(g.targetY).toBeLessThan(g.height);
    expect(g.points.every((p) => !p.meets)).toBe(true);
    // Higher values are drawn higher up.
    expect(g.points[0]!.y).toBeLessThan(g.points[1]!.y);
  });

  it('stays within 0–100 for percent', () => {
    const g = trendGeometry({ unit: 'percent', target: 90, direction: 'atLeast', values: [{ period: '2026-01', value: 99 }] });
    expect(g.yMax).toBeLessThanOrEqual(100);
    expect(g.yMin).toBeGreaterThanOrEqual(0);
  });
});
