import type { Query } from '../../db/query.js';
import type { WpPost } from '../../wpPost.js';

/** Named queries reading the stored posts a process job works from. */

/** A row of `storedHashes`. */
export interface StoredHashRow {
  wp_id: number;
  content_hash: string;
  processed_hash: string | null;
}

/** A row of `postSizes`: `bytes` is the length of its JSON as it is read back. */
export interface PostSizeRow extends StoredHashRow {
  bytes: number;
}

/** The posts' hashes and sizes (deleted posts left out), in id order. */
export const postSizes = (siteId: number, wpIds: readonly number[]): Query => ({
  text: `SELECT wp_id, content_hash, processed_hash, octet_length(payload::text) AS bytes FROM raw_posts
     WHERE site_id = $1 AND wp_id = ANY($2::bigint[]) AND status <> 'deleted' ORDER BY wp_id`,
  values: [siteId, wpIds],
});

/** The posts' hashes (deleted posts left out). */
export const storedHashes = (siteId: number, wpIds: readonly number[]): Query => ({
  text: `SELECT wp_id, content_hash, processed_hash FROM raw_posts WHERE site_id = $1 AND wp_id = ANY($2::bigint[]) AND status <> 'deleted'`,
  values: [siteId, wpIds],
});

/** A row of `storedPayloads`. */
export interface StoredPayloadRow extends StoredHashRow {
  payload: WpPost;
}

/** The posts as stored, in id order. */
export const storedPayloads = (siteId: number, wpIds: readonly number[]): Query => ({
  text: `SELECT wp_id, payload, content_hash, processed_hash FROM raw_posts WHERE site_id = $1 AND wp_id = ANY($2::bigint[]) ORDER BY wp_id`,
  values: [siteId, wpIds],
});
