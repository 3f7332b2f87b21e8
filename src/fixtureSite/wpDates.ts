/** Date formatting helpers for the WordPress REST fields and the euronews page markup. */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:SS` of a UTC instant, as WordPress writes `date_gmt` (the site timezone is UTC). */
export function formatWpDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** `YYYY-MM-DDTHH:MM:SSZ`: ISO 8601 UTC with whole seconds, the truth file's form. */
export function formatIsoUtc(ms: number): string {
  return `${formatWpDate(ms)}Z`;
}

/** Last Sunday of a month (0-based) at 01:00 UTC, when EU summer time starts or ends. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/** Offset of Paris time from UTC at an instant, in hours (1 or 2). */
export function parisOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAt1Utc(year, 2) && ms < lastSundayAt1Utc(year, 9) ? 2 : 1;
}

/** Paris local time parts of an instant, for the page's `<time>` element. */
export function parisTime(ms: number): { datetime: string; label: string; offset: number; ymd: string } {
  const offset = parisOffsetHours(ms);
  const d = new Date(ms + offset * HOUR_MS);
  const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return {
    datetime: `${ymd} ${hm}:${pad(d.getUTCSeconds())} +0${offset}:00`,
    label: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} &#8211; ${hm} GMT+${offset}`,
    offset,
    ymd,
  };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `5 May, 2026`, as euronews photo captions date a picture. */
export function captionDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}, ${d.getUTCFullYear()}`;
}
