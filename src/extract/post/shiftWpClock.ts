import { MAX_ZONE_OFFSET_MS, QUARTER_HOUR_MS } from './rules.js';

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
