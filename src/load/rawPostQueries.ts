import type { Query } from '../db/query.js';

/** Named queries over stored raw posts. */

/**
 * Records the payload hash each post (by wp id) was processed from; posts already at that hash are left alone.
 * The range of the ids bounds what the planner reads: without it, a site its statistics call small (any site
 * being backfilled since the last ANALYZE) was read whole and hashed against the page's ids, every page (3,000
 * rows and 45 ms for 100 posts, growing with the site). A backfill page's ids are one narrow range.
 */
export const markProcessedHashes = (siteId: number, wpIds: readonly number[], hashes: readonly string[]): Query => ({
  text: `UPDATE raw_posts r SET processed_hash = u.hash FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, hash)
       WHERE r.site_id = $1 AND r.wp_id BETWEEN $4 AND $5 AND r.wp_id = u.wp_id AND r.processed_hash IS DISTINCT FROM u.hash`,
  values: [siteId, wpIds, hashes, ...idRange(wpIds)],
});

/** Marks posts (by wp id) rejected, each with its reason (the id range bounds the read, see `markProcessedHashes`). */
export const markRejected = (siteId: number, wpIds: readonly number[], reasons: readonly string[]): Query => ({
  text: `UPDATE raw_posts r SET status = 'rejected', reject_reason = u.reason FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, reason)
       WHERE r.site_id = $1 AND r.wp_id BETWEEN $4 AND $5 AND r.wp_id = u.wp_id`,
  values: [siteId, wpIds, reasons, ...idRange(wpIds)],
});

/** The smallest and largest id (0 and 0 for none: the statement then changes nothing, as it would without them). */
function idRange(wpIds: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const id of wpIds) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  return wpIds.length === 0 ? [0, 0] : [min, max];
}
