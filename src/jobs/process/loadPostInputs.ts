import type { PoolClient } from '../../db/createPool.js';
import { queryAll, queryOne } from '../../db/query.js';
import type { StoredHashes } from '../../load/storeRawPosts.js';
import { siteUrl } from '../../scheduler/siteQueries.js';
import { EMPTY_TERM_NAMES, type TermNames, type WpPost } from '../../wpPost.js';
import { siteTerms, type TermRow } from '../fetch/termQueries.js';
import { postSizes, storedHashes, storedPayloads, type PostSizeRow, type StoredHashRow, type StoredPayloadRow } from './processQueries.js';

export interface StoredPost {
  wpId: number;
  post: WpPost;
  contentHash: string;
  processedHash: string | null;
}

/**
 * Which of the posts need processing (their stored payload changed since they were last processed, or all of them
 * when `onlyChangedFrom` is null), with the size of each (bytes of its JSON, as it is read back), in id order; and
 * how many are unchanged.
 */
export async function planPostInputs(
  client: PoolClient,
  siteId: number,
  wpIds: readonly number[],
  onlyChangedFrom: ((contentHash: string) => string) | null,
): Promise<{ todo: Array<{ wpId: number; bytes: number }>; unchanged: number }> {
  const rows = await queryAll<PostSizeRow>(client, postSizes(siteId, wpIds));
  const todo = rows.filter((row) => !onlyChangedFrom || row.processed_hash !== onlyChangedFrom(row.content_hash));
  return { todo: todo.map((row) => ({ wpId: row.wp_id, bytes: row.bytes })), unchanged: rows.length - todo.length };
}

/** Raw posts of a site by id, and the site's cached term and author names. */
export async function loadPostInputs(
  client: PoolClient,
  siteId: number,
  wpIds: readonly number[],
  /** Only posts whose stored payload hash differs from what they were last processed from (all when null). */
  onlyChangedFrom: ((contentHash: string) => string) | null,
): Promise<{ siteUrl: string; posts: StoredPost[]; terms: TermNames; unchanged: number }> {
  // One query at a time on one client; the payloads are read only for posts that need processing.
  const site = await queryOne<{ url: string }>(client, siteUrl(siteId));
  const hashes = await queryAll<StoredHashRow>(client, storedHashes(siteId, wpIds));
  const todo = hashes.filter((row) => !onlyChangedFrom || row.processed_hash !== onlyChangedFrom(row.content_hash)).map((row) => row.wp_id);
  const unchanged = hashes.length - todo.length;
  if (todo.length === 0) return { siteUrl: site?.url ?? '', posts: [], terms: EMPTY_TERM_NAMES, unchanged };
  const posts = await queryAll<StoredPayloadRow>(client, storedPayloads(siteId, todo));
  const terms = await queryAll<TermRow>(client, siteTerms(siteId));
  return {
    siteUrl: site?.url ?? '',
    posts: posts.map((row) => ({ wpId: row.wp_id, post: row.payload, contentHash: row.content_hash, processedHash: row.processed_hash })),
    terms: termNames(terms),
    unchanged,
  };
}

/** Posts this process has just stored (`storeRawPosts`) and still holds parsed, with what the store said of each. */
export interface HeldPosts {
  posts: readonly WpPost[];
  hashes: ReadonlyMap<number, StoredHashes>;
}

/** `planPostInputs` for held posts: the same answer, from what the store returned instead of a query. */
export function planHeldInputs(
  held: HeldPosts,
  onlyChangedFrom: ((contentHash: string) => string) | null,
): { todo: Array<{ wpId: number; bytes: number }>; unchanged: number } {
  const ids = new Set(held.posts.map((post) => post.id));
  const stored = [...held.hashes.entries()].filter(([wpId]) => ids.has(wpId)).sort(([a], [b]) => a - b);
  const todo = stored.filter(([, hash]) => !onlyChangedFrom || hash.processedHash !== onlyChangedFrom(hash.contentHash));
  return { todo: todo.map(([wpId, hash]) => ({ wpId, bytes: hash.bytes })), unchanged: stored.length - todo.length };
}

/**
 * `loadPostInputs` for held posts: the payloads are not read back and parsed again. What was stored is exactly
 * these objects serialised, so the result is the one `loadPostInputs` would return.
 */
export async function heldPostInputs(
  client: PoolClient,
  siteId: number,
  held: HeldPosts,
  wpIds: readonly number[],
): Promise<{ siteUrl: string; posts: StoredPost[]; terms: TermNames; unchanged: number }> {
  const byId = new Map(held.posts.map((post) => [post.id, post]));
  const posts = [...wpIds]
    .sort((a, b) => a - b)
    .map((wpId) => {
      const hash = held.hashes.get(wpId)!;
      return { wpId, post: byId.get(wpId)!, contentHash: hash.contentHash, processedHash: hash.processedHash };
    });
  const site = await queryOne<{ url: string }>(client, siteUrl(siteId));
  const terms = posts.length === 0 ? EMPTY_TERM_NAMES : termNames(await queryAll<TermRow>(client, siteTerms(siteId)));
  return { siteUrl: site?.url ?? '', posts, terms, unchanged: 0 };
}

function termNames(rows: readonly TermRow[]): TermNames {
  const names = { categories: new Map<number, string>(), tags: new Map<number, string>(), authors: new Map<number, string>() };
  for (const row of rows) {
    const target = row.taxonomy === 'category' ? names.categories : row.taxonomy === 'post_tag' ? names.tags : names.authors;
    target.set(row.term_id, row.name);
  }
  return names;
}
