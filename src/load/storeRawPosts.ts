import type { PoolClient } from '../db/createPool.js';
import type { WpPost } from '../wpPost.js';

/** A stored post's payload hash and the hash it was last processed from (before this store), by WP id. */
export interface StoredHashes {
  contentHash: string;
  processedHash: string | null;
  /** Bytes of the stored payload's JSON text. */
  bytes: number;
}

export interface StoreRawResult {
  /** Posts new or changed since the last fetch. */
  changed: number;
  /** Posts byte-identical to what is stored: a no-op. */
  unchanged: number;
  /** Every stored post's hashes, so that a caller holding the page can process it without reading it back. */
  hashes: Map<number, StoredHashes>;
}

/**
 * Stores posts raw, before anything else happens to them, a batch per statement: each batch travels as a single
 * `json` parameter that Postgres splits (`json_array_elements`) and hashes (md5 of each element's text), which
 * costs node a third of building per-row arrays. An unchanged post (same hash) is not written at all.
 * The stored rows are read in the statement's snapshot, i.e. as they were before it: `processed_hash` is
 * what the post was last processed from, read by primary key for each post (as a join, the planner read every
 * post of a site its statistics called small, on every page: a cost that grew with the site). `posts` is read
 * once, in order, each post serialised and let go as it comes: posts parsed as they are read
 * (`fetchPostsListing`) are never all held at once.
 */
export async function storeRawPosts(client: PoolClient, siteId: number, posts: Iterable<WpPost>): Promise<StoreRawResult> {
  const hashes = new Map<number, StoredHashes>();
  let changed = 0;
  for (const batch of jsonBatches(posts, MAX_BATCH_CHARS)) {
    for (const row of await storeBatch(client, siteId, batch)) {
      if (row.changed) changed++;
      hashes.set(Number(row.wp_id), { contentHash: row.hash, processedHash: row.processed_hash, bytes: row.bytes });
    }
  }
  return { changed, unchanged: hashes.size - changed, hashes };
}

/**
 * Characters of JSON sent in one statement. A page near the size cap (64 MiB) serialised whole would be one more
 * full copy of it (two bytes a character once one is not Latin-1) on a heap sized for a few (the documented
 * 160 MB), for each page a worker fetches at once: batches keep that copy small.
 */
const MAX_BATCH_CHARS = 2 * 1024 * 1024;

/** The posts as JSON arrays of at most `maxChars` each (a single larger post travels alone). */
function* jsonBatches(posts: Iterable<WpPost>, maxChars: number): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const post of posts) {
    const text = JSON.stringify(post);
    if (parts.length > 0 && size + text.length > maxChars) {
      yield `[${parts.join(',')}]`;
      parts = [];
      size = 0;
    }
    parts.push(text);
    size += text.length + 1;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

interface StoredRow {
  wp_id: string;
  hash: string;
  bytes: number;
  processed_hash: string | null;
  changed: boolean;
}

async function storeBatch(client: PoolClient, siteId: number, json: string): Promise<StoredRow[]> {
  const result = await client.query<StoredRow>(
    `WITH items AS (
       SELECT DISTINCT ON (wp_id) wp_id, payload, md5(payload::text) AS hash, octet_length(payload::text) AS bytes, gmt(payload->>'modified_gmt') AS modified_gmt, gmt(payload->>'date_gmt') AS date_gmt
       FROM (SELECT (e->>'id')::bigint AS wp_id, e AS payload FROM json_array_elements($2::json) AS e) AS x
       ORDER BY wp_id),
     stored AS (
       INSERT INTO raw_posts (site_id, wp_id, payload, content_hash, modified_gmt, date_gmt, status, reject_reason)
       SELECT $1, wp_id, payload, hash, modified_gmt, date_gmt, 'live', NULL FROM items
       ON CONFLICT (site_id, wp_id) DO UPDATE SET payload = EXCLUDED.payload, content_hash = EXCLUDED.content_hash,
         modified_gmt = EXCLUDED.modified_gmt, date_gmt = EXCLUDED.date_gmt, fetched_at = now(), status = 'live', reject_reason = NULL
       WHERE raw_posts.content_hash <> EXCLUDED.content_hash OR raw_posts.status <> 'live'
       RETURNING wp_id)
     SELECT i.wp_id, i.hash, i.bytes, (SELECT r.processed_hash FROM raw_posts r WHERE r.site_id = $1 AND r.wp_id = i.wp_id) AS processed_hash,
       s.wp_id IS NOT NULL AS changed
     FROM items i LEFT JOIN stored s ON s.wp_id = i.wp_id`,
    [siteId, json],
  );
  return result.rows;
}
