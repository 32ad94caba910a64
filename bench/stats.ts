/** Latency samples and the percentiles the benchmark reports. */

/** Percentiles of a set of samples, in the samples' unit (ms here), rounded to 0.01. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Nearest-rank percentile `p` (0–100) of ascending `sorted`; NaN when there are no samples. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarises samples (the array is not modified). */
export function summarise(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  return {
    p50: round2(percentile(sorted, 50)),
    p95: round2(percentile(sorted, 95)),
    p99: round2(percentile(sorted, 99)),
    max: round2(sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN),
    samples: sorted.length,
  };
}

/** The median of a few values (e.g. repeated timings). */
export function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  return percentile(sorted, 50);
}

export { round2 };

/** The median of a few figures, the mean of the middle two for an even count (two runs → their mean). */
export function middle(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}
