/** Units `parseInterval` accepts, in milliseconds. */
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Shortest sync period a source may have (short enough for tests; real sites want minutes). */
export const MIN_INTERVAL_MS = 1000;
/** Longest period: `sites.every_ms` is a Postgres integer. */
export const MAX_INTERVAL_MS = 24 * UNIT_MS.d;

/**
 * Parses a period such as `30s`, `5m`, `1h`, `1d` or `1500ms` into milliseconds. Returns an error message
 * (a value, not an exception) when the text is not one or is out of range.
 */
export function parseInterval(text: string): { ms: number } | { error: string } {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return { error: `must look like 30s, 5m, 1h or 1d, got "${text}"` };
  const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
  if (ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) return { error: `must be between 1s and 24d, got "${text}"` };
  return { ms };
}

/** A period in the shortest exact unit, for display: 300000 gives `5m`. */
export function formatInterval(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${ms}ms`;
}
