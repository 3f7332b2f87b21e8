import { createHash } from 'node:crypto';
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
 * Stores posts raw, before anything else happens to them, a batch per statement. Each post's JSON text is a `json`
 * parameter of its own (sent as is, no escaping), zipped with small arrays of what node already knows of each
 * post: its id, the md5 of its text (so `content_hash` is `md5(payload::text)`), its byte length, its `*_gmt`
 * dates, link and type. Postgres lexes each payload once, to validate it. Asking it for those fields instead
 * (`payload->>'...'`, a full lex of the post's text each, seven per post with the `raw_posts_fields` trigger) and
 * splitting one array parameter was 2.3 CPU ms per post, more than any other statement of the pipeline.
 * An unchanged post (same hash) is not written at all.
 * The stored rows are read in the statement's snapshot, i.e. as they were before it: `processed_hash` is
 * what the post was last processed from, read by primary key for each post (as a join, the planner read every
 * post of a site its statistics called small, on every page: a cost that grew with the site). `posts` is read
 * once, in order, each post serialised and let go as it comes: posts parsed as they are read
 * (`fetchPostsListing`) are never all held at once.
 */
export async function storeRawPosts(client: PoolClient, siteId: number, posts: Iterable<WpPost>): Promise<StoreRawResult> {
  const hashes = new Map<number, StoredHashes>();
  let changed = 0;
  for (const batch of rawBatches(posts, MAX_BATCH_CHARS)) {
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

/** Posts in one statement, each a parameter of its own (the protocol allows 65,535 parameters). */
const MAX_BATCH_POSTS = 1000;

/** One post as stored: its JSON text and the columns read from it. */
interface RawRow {
  wpId: number;
  text: string;
  hash: string;
  bytes: number;
  modifiedGmt: string | null;
  dateGmt: string | null;
  link: string | null;
  type: string | null;
}

/**
 * The posts as batches of at most `maxChars` characters of JSON (a single larger post travels alone), each in
 * ascending id order with one row per id (the first one seen): rows are locked in the same order by every
 * statement, and an upsert may not touch a row twice.
 */
function* rawBatches(posts: Iterable<WpPost>, maxChars: number): Generator<RawRow[]> {
  let rows = new Map<number, RawRow>();
  let size = 0;
  for (const post of posts) {
    const row = rawRow(post);
    if (rows.size > 0 && (size + row.text.length > maxChars || rows.size >= MAX_BATCH_POSTS)) {
      yield [...rows.values()].sort((a, b) => a.wpId - b.wpId);
      rows = new Map();
      size = 0;
    }
    if (rows.has(row.wpId)) continue;
    rows.set(row.wpId, row);
    size += row.text.length + 1;
  }
  if (rows.size > 0) yield [...rows.values()].sort((a, b) => a.wpId - b.wpId);
}

function rawRow(post: WpPost): RawRow {
  const text = JSON.stringify(post);
  return {
    wpId: post.id,
    text,
    hash: createHash('md5').update(text).digest('hex'),
    bytes: Buffer.byteLength(text),
    modifiedGmt: stringField(post, 'modified_gmt'),
    dateGmt: stringField(post, 'date_gmt'),
    link: stringField(post, 'link'),
    type: stringField(post, 'type'),
  };
}

/** A top-level string field of the post (`payload->>'name'` for a string; anything else reads as missing). */
function stringField(post: WpPost, name: string): string | null {
  const value = (post as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

interface StoredRow {
  wp_id: string;
  hash: string;
  bytes: number;
  processed_hash: string | null;
  changed: boolean;
}

/** The number of the first payload parameter: each post's text is a parameter of its own, after the arrays. */
const PAYLOAD_PARAM = 9;

async function storeBatch(client: PoolClient, siteId: number, rows: readonly RawRow[]): Promise<StoredRow[]> {
  const result = await client.query<StoredRow>(
    `WITH items AS (
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
    [
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
  );
  return result.rows;
}
