import { withTransaction } from '../../db/withTransaction.js';
import type { ListingPosts, RejectedItem } from '../../fetch/listingPosts.js';
import { storeRawPosts, type StoredHashes } from '../../load/storeRawPosts.js';
import type { WpPost } from '../../wpPost.js';
import type { AppContext } from '../context.js';
import { reserveHeap } from '../reserveHeap.js';

/** What a page's posts are still needed for once they are stored: the name lookups see only these fields. */
export type NameRefs = Pick<WpPost, 'categories' | 'tags' | 'author'>;

/** What `storeListing` stored and kept. */
export interface StoredListing {
  /** The stored posts' ids, in listing order. */
  ids: number[];
  /** The items rejected alone, with their reasons. */
  rejected: RejectedItem[];
  /** The category, tag and author ids of each stored post. */
  names: NameRefs[];
  /** The parsed posts, when asked to hold them. */
  held: WpPost[] | undefined;
  /** What the store said of each post (see `storeRawPosts`). */
  hashes: Map<number, StoredHashes>;
}

/** Bytes of items (their JSON) parsed and stored in one batch, one transaction. */
const STORE_BATCH_BYTES = 1024 * 1024;

/**
 * Heap a batch holds at its peak, per byte of its items' JSON: each item's text, the parsed post and its
 * serialisation (two bytes a character once one is not Latin-1), the batch's JSON.
 */
const STORING_HEAP_FACTOR = 6;

/**
 * Stores a listing's posts raw, parsing them batch by batch as they are stored, each batch within the process's
 * heap share for post work (`reserveHeap`) and in a transaction of its own (never waited for with a transaction open;
 * a page stored in part is stored again whole when its job is retried, unchanged posts costing nothing). Keeps
 * only what is needed after: ids, rejections, the ids names are looked up for, and, when `hold`, the posts
 * themselves for processing in memory. A page near the size cap is never held parsed whole.
 */
export async function storeListing(ctx: Pick<AppContext, 'pool'>, siteId: number, posts: ListingPosts, hold: boolean): Promise<StoredListing> {
  const result: StoredListing = { ids: [], rejected: [], names: [], held: hold ? [] : undefined, hashes: new Map() };
  for (const batch of batchesBySize(posts, STORE_BATCH_BYTES)) {
    const giveBack = await reserveHeap(batch.bytes * STORING_HEAP_FACTOR);
    try {
      const stored = await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, parsedPosts(posts, batch, result)));
      for (const [wpId, hashes] of stored.hashes) result.hashes.set(wpId, hashes);
    } finally {
      giveBack();
    }
  }
  return result;
}

/** The batch's posts, parsed one at a time as the store reads them; rejections and what is kept go to `result`. */
function* parsedPosts(posts: ListingPosts, batch: { from: number; to: number }, result: StoredListing): Generator<WpPost> {
  for (let index = batch.from; index < batch.to; index++) {
    const item = posts.item(index);
    if (!item.post) {
      result.rejected.push(item.rejected);
      continue;
    }
    const { post } = item;
    result.ids.push(post.id);
    result.names.push({ categories: post.categories, tags: post.tags, author: post.author });
    result.held?.push(post);
    yield post;
  }
}

/** Consecutive items whose sizes add up to at most `maxBytes` (a larger one alone). */
function batchesBySize(posts: ListingPosts, maxBytes: number): Array<{ from: number; to: number; bytes: number }> {
  const batches: Array<{ from: number; to: number; bytes: number }> = [];
  let current = { from: 0, to: 0, bytes: 0 };
  for (let index = 0; index < posts.count; index++) {
    const bytes = posts.bytes(index);
    if (current.to > current.from && current.bytes + bytes > maxBytes) {
      batches.push(current);
      current = { from: index, to: index, bytes: 0 };
    }
    current.to = index + 1;
    current.bytes += bytes;
  }
  if (current.to > current.from) batches.push(current);
  return batches;
}
