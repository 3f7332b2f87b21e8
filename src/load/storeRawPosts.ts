import type { PoolClient } from '../db/createPool.js';
import type { WpPost } from '../wpPost.js';

export interface StoreRawResult {
  /** Posts new or changed since the last fetch. */
  changed: number;
  /** Posts byte-identical to what is stored: a no-op. */
  unchanged: number;
}

/**
 * Stores posts raw, before anything else happens to them, in one statement: the page travels as a single
 * `json` parameter that Postgres splits (`json_array_elements`) and hashes (md5 of each element's text), which
 * costs node a third of building per-row arrays. An unchanged post (same hash) is not written at all.
 */
export async function storeRawPosts(client: PoolClient, siteId: number, posts: readonly WpPost[]): Promise<StoreRawResult> {
  if (posts.length === 0) return { changed: 0, unchanged: 0 };
  const ids = new Set(posts.map((post) => post.id));
  const result = await client.query(
    `WITH items AS (
       SELECT DISTINCT ON (wp_id) wp_id, payload, md5(payload::text) AS hash, gmt(payload->>'modified_gmt') AS modified_gmt, gmt(payload->>'date_gmt') AS date_gmt
       FROM (SELECT (e->>'id')::bigint AS wp_id, e AS payload FROM json_array_elements($2::json) AS e) AS x
       ORDER BY wp_id)
     INSERT INTO raw_posts (site_id, wp_id, payload, content_hash, modified_gmt, date_gmt, status, reject_reason)
     SELECT $1, wp_id, payload, hash, modified_gmt, date_gmt, 'live', NULL FROM items
     ON CONFLICT (site_id, wp_id) DO UPDATE SET payload = EXCLUDED.payload, content_hash = EXCLUDED.content_hash,
       modified_gmt = EXCLUDED.modified_gmt, date_gmt = EXCLUDED.date_gmt, fetched_at = now(), status = 'live', reject_reason = NULL
     WHERE raw_posts.content_hash <> EXCLUDED.content_hash OR raw_posts.status <> 'live'`,
    [siteId, JSON.stringify(posts)],
  );
  const changed = result.rowCount ?? 0;
  return { changed, unchanged: ids.size - changed };
}
