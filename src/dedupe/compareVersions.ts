import type { ExtractedArticle } from '../article.js';
import { contentHash } from './contentHash.js';
import { withUtcZone } from '../withUtcZone.js';

/** Milliseconds since the epoch of a WP `*_gmt` time (which has no zone suffix), or -Infinity if absent/invalid. */
function gmtMillis(value: string | null): number {
  if (value === null || value === '') return Number.NEGATIVE_INFINITY;
  const millis = Date.parse(withUtcZone(value));
  return Number.isNaN(millis) ? Number.NEGATIVE_INFINITY : millis;
}

function compareValues(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order of versions of one article, oldest first (so the newest is the maximum): by `wp.date_gmt`
 * (a missing date is oldest), then `wp.id`, then `wp.modified_gmt`, then `wp.site`, then `contentHash`, so
 * that the choice of the kept version never depends on input order. The pipeline uses the same order.
 */
export function compareVersions(a: ExtractedArticle, b: ExtractedArticle): number {
  return (
    compareValues(gmtMillis(a.wp.date_gmt), gmtMillis(b.wp.date_gmt)) ||
    compareValues(a.wp.id, b.wp.id) ||
    compareValues(gmtMillis(a.wp.modified_gmt), gmtMillis(b.wp.modified_gmt)) ||
    compareValues(a.wp.site, b.wp.site) ||
    compareValues(contentHash(a), contentHash(b))
  );
}
