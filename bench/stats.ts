export type Sample = { n: number; p50: number; p95: number; min: number; max: number };

/** Summary of timings in milliseconds (nearest-rank percentiles; enough for a handful of runs). */
export function summarise(values: number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { n: sorted.length, p50: round(at(50)), p95: round(at(95)), min: round(sorted[0] ?? NaN), max: round(sorted.at(-1) ?? NaN) };
}

export async function repeat(times: number, fn: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await fn(i));
  return out;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
