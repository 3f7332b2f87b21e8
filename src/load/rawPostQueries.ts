import type { Query } from '../db/query.js';

/** Named queries over stored raw posts. */

/** Records the payload hash each post (by wp id) was processed from; posts already at that hash are left alone. */
export const markProcessedHashes = (siteId: number, wpIds: readonly number[], hashes: readonly string[]): Query => ({
  text: `UPDATE raw_posts r SET processed_hash = u.hash FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, hash)
       WHERE r.site_id = $1 AND r.wp_id = u.wp_id AND r.processed_hash IS DISTINCT FROM u.hash`,
  values: [siteId, wpIds, hashes],
});

/** Marks posts (by wp id) rejected, each with its reason. */
export const markRejected = (siteId: number, wpIds: readonly number[], reasons: readonly string[]): Query => ({
  text: `UPDATE raw_posts r SET status = 'rejected', reject_reason = u.reason FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, reason)
       WHERE r.site_id = $1 AND r.wp_id = u.wp_id`,
  values: [siteId, wpIds, reasons],
});
