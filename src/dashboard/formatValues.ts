const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 3600;
const SECONDS_PER_DAY = 86_400;
const BYTES_PER_KIB = 1024;

/** A duration in seconds as "1h 02m", "3m 05s" or "42s"; an em dash when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const total = Math.round(seconds);
  const hours = Math.floor(total / SECONDS_PER_HOUR);
  const minutes = Math.floor((total % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE);
  const rest = total % SECONDS_PER_MINUTE;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

/** A rate with one decimal; an em dash when unknown. */
export function formatRate(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(1);
}

/** A byte count in B, KiB, MiB or GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= BYTES_PER_KIB && unit < units.length - 1) {
    value /= BYTES_PER_KIB;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A timestamp as ISO 8601 UTC to the second; an em dash when absent. */
export function formatTime(value: Date | string | null): string {
  if (value === null) return '—';
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A share between 0 and 1 as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** "just now", "42s ago", "5m ago", "3h ago", "2d ago", or "in 4m" for a time ahead of `now`; an em dash when absent. */
export function formatRelative(value: Date | string | null, now: Date): string {
  if (value === null) return '—';
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const size = Math.abs(seconds);
  if (size < 5) return 'just now';
  const amount =
    size < SECONDS_PER_MINUTE
      ? `${size}s`
      : size < SECONDS_PER_HOUR
        ? `${Math.floor(size / SECONDS_PER_MINUTE)}m`
        : size < SECONDS_PER_DAY
          ? `${Math.floor(size / SECONDS_PER_HOUR)}h`
          : `${Math.floor(size / SECONDS_PER_DAY)}d`;
  return seconds < 0 ? `${amount} ago` : `in ${amount}`;
}

/** A count with thousands separators: 12,345. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A count with its noun, singular for one: "1 page", "2,000 posts". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}
