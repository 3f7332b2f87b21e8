/** Seconds per rate unit. */
const UNIT_S = { s: 1, m: 60, min: 60, h: 3600 } as const;

/** Slowest rate accepted: one request an hour. */
export const MIN_RATE_PER_S = 1 / 3600;
/** Fastest rate accepted; beyond this a limit means nothing. */
export const MAX_RATE_PER_S = 1000;

/**
 * Parses a request rate such as `2/s`, `30/m`, `0.5/s`, `100/h` (or a bare number, per second) into
 * requests per second. Returns an error message as a value when the text is not one or is out of range.
 */
export function parseRate(text: string): { perSecond: number } | { error: string } {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|m|min|h))?$/.exec(text.trim());
  if (!match) return { error: `must look like 2/s, 30/m or 100/h, got "${text}"` };
  const perSecond = Number(match[1]) / UNIT_S[(match[2] ?? 's') as keyof typeof UNIT_S];
  if (!(perSecond >= MIN_RATE_PER_S && perSecond <= MAX_RATE_PER_S)) return { error: `must be between 1/h and 1000/s, got "${text}"` };
  return { perSecond };
}

/** A rate for display: `2/s`, or `30/m` when under one a second. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1) return `${Number(perSecond.toFixed(2))}/s`;
  if (perSecond * 60 >= 1) return `${Number((perSecond * 60).toFixed(2))}/m`;
  return `${Number((perSecond * 3600).toFixed(2))}/h`;
}
