import type { Query } from '../db/query.js';
import type { RawRow } from './storeRawPosts.js';

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

/** The number of the first payload parameter: each post's text is a parameter of its own, after the arrays. */
const PAYLOAD_PARAM = 9;

/**
 * Upserts one batch of posts (see `storeRawPosts`): each post's text is a `json` parameter of its own, after the
 * arrays of what node read from it. Returns one `StoredRow` (storeRawPosts.ts) per post.
 */
export const storeRawBatch = (siteId: number, rows: readonly RawRow[]): Query => ({
  text: `WITH items AS (
       SELECT wp_id, payload, hash, bytes, gmt(modified) AS modified_gmt, gmt(dated) AS date_gmt, link, post_type
       FROM ROWS FROM (unnest(ARRAY[${rows.map((_, i) => `$${i + PAYLOAD_PARAM}::json`).join(', ')}]), unnest($2::bigint[]), unnest($3::text[]),
         unnest($4::int[]), unnest($5::text[]), unnest($6::text[]), unnest($7::text[]), unnest($8::text[]))
         AS x(payload, wp_id, hash, bytes, modified, dated, link, post_type)),
     stored AS (
       INSERT INTO raw_posts (site_id, wp_id, payload, content_hash, modified_gmt, date_gmt, link, post_type, status, reject_reason)
       SELECT $1, wp_id, payload, hash, modified_gmt, date_gmt, link, post_type, 'live', NULL FROM items
       ON CONFLICT (site_id, wp_id) DO UPDATE SET payload = EXCLUDED.payload, content_hash = EXCLUDED.content_hash,
         modified_gmt = EXCLUDED.modified_gmt, date_gmt = EXCLUDED.date_gmt, link = EXCLUDED.link, post_type = EXCLUDED.post_type,
         fetched_at = now(), status = 'live', reject_reason = NULL
       WHERE raw_posts.content_hash <> EXCLUDED.content_hash OR raw_posts.status <> 'live'
       RETURNING wp_id)
     SELECT i.wp_id, i.hash, i.bytes, (SELECT r.processed_hash FROM raw_posts r WHERE r.site_id = $1 AND r.wp_id = i.wp_id) AS processed_hash,
       s.wp_id IS NOT NULL AS changed
     FROM items i LEFT JOIN stored s ON s.wp_id = i.wp_id`,
  values: [
    siteId,
    rows.map((row) => row.wpId),
    rows.map((row) => row.hash),
    rows.map((row) => row.bytes),
    rows.map((row) => row.modifiedGmt),
    rows.map((row) => row.dateGmt),
    rows.map((row) => row.link),
    rows.map((row) => row.type),
    ...rows.map((row) => row.text),
  ],
});
