/** Longest wait we accept from a Retry-After header; beyond it the job's own backoff applies. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After as milliseconds (delta-seconds or HTTP date), or undefined when absent or invalid. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const trimmed = raw.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
