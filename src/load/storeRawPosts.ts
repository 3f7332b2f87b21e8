import { createHash } from 'node:crypto';
import type { PoolClient } from '../db/createPool.js';
import { queryAll } from '../db/query.js';
import type { WpPost } from '../wpPost.js';
import { storeRawBatch } from './rawPostQueries.js';

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
    for (const row of await queryAll<StoredRow>(client, storeRawBatch(siteId, batch))) {
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
export interface RawRow {
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

export interface StoredRow {
  wp_id: string;
  hash: string;
  bytes: number;
  processed_hash: string | null;
  changed: boolean;
}
