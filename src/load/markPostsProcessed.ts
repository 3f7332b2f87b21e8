import type { PoolClient } from '../db/createPool.js';

/** Records which payload version each post was processed from, and posts rejected with their reason. */
export async function markPostsProcessed(client: PoolClient, siteId: number, done: ReadonlyArray<{ wpId: number; hash: string }>, rejected: ReadonlyArray<{ wpId: number; reason: string }>): Promise<void> {
  const sorted = [...done].sort((a, b) => a.wpId - b.wpId);
  if (sorted.length > 0) {
    await client.query(
      `UPDATE raw_posts r SET processed_hash = u.hash FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, hash)
       WHERE r.site_id = $1 AND r.wp_id = u.wp_id AND r.processed_hash IS DISTINCT FROM u.hash`,
      [siteId, sorted.map((d) => d.wpId), sorted.map((d) => d.hash)],
    );
  }
  if (rejected.length > 0) {
    await client.query(
      `UPDATE raw_posts r SET status = 'rejected', reject_reason = u.reason FROM unnest($2::bigint[], $3::text[]) AS u(wp_id, reason)
       WHERE r.site_id = $1 AND r.wp_id = u.wp_id`,
      [siteId, rejected.map((d) => d.wpId), rejected.map((d) => d.reason)],
    );
  }
}
