/** Time-zone offsets are whole quarter hours; a WP/page date difference that is not is no clock error. */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Largest real time-zone offset (UTC+14) plus a margin. */
const MAX_ZONE_OFFSET_MS = 15 * 60 * 60 * 1000;

/**
 * The aggregator's `date_gmt` can be off by a whole time-zone offset (the seed's site: 3 h). When the page's own
 * publication time shows such an offset, the same shift applies to the WP modification time; otherwise it is
 * returned unchanged.
 */
export function shiftWpClock(wpModified: string | null, wpPublished: string | null, pagePublished: string | null): string | null {
  if (!wpModified || !wpPublished || !pagePublished) return wpModified;
  const offset = Date.parse(pagePublished) - Date.parse(wpPublished);
  if (!Number.isFinite(offset) || offset === 0) return wpModified;
  if (Math.abs(offset) > MAX_ZONE_OFFSET_MS || offset % QUARTER_HOUR_MS !== 0) return wpModified;
  const shifted = new Date(Date.parse(wpModified) + offset);
  return Number.isFinite(shifted.getTime()) ? shifted.toISOString() : wpModified;
}
