/** Median, 95th percentile and maximum of a list of numbers (0s for an empty list). */
export interface Spread {
  count: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles: no interpolation, so every figure is a value that was measured. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, median: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { count: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]! };
}
