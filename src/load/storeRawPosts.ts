import { createHash } from 'node:crypto';
import type { PoolClient } from '../db/createPool.js';
import type { WpPost } from '../wpPost.js';

export interface StoreRawResult {
  /** Posts new or changed since the last fetch. */
  changed: number;
  /** Posts byte-identical to what is stored: a no-op. */
  unchanged: number;
}

/** Hash of a post exactly as sent, so an unchanged re-fetch writes nothing. */
export function payloadHash(json: string): string {
  return createHash('sha1').update(json).digest('hex');
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.length < 10) return null;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  return Number.isNaN(Date.parse(withZone)) ? null : withZone;
}

/** Stores posts raw (one multi-row upsert) before anything else happens to them. */
export async function storeRawPosts(client: PoolClient, siteId: number, posts: readonly WpPost[]): Promise<StoreRawResult> {
  if (posts.length === 0) return { changed: 0, unchanged: 0 };
  const sorted = [...posts].sort((a, b) => a.id - b.id);
  const unique = sorted.filter((post, index) => index === 0 || sorted[index - 1]!.id !== post.id);
  const payloads = unique.map((post) => JSON.stringify(post));
  const result = await client.query(
    `INSERT INTO raw_posts (site_id, wp_id, payload, content_hash, modified_gmt, date_gmt, status, reject_reason)
     SELECT $1, u.wp_id, u.payload::json, u.hash, u.modified_gmt, u.date_gmt, 'live', NULL
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS u(wp_id, payload, hash, modified_gmt, date_gmt)
     ON CONFLICT (site_id, wp_id) DO UPDATE SET payload = EXCLUDED.payload, content_hash = EXCLUDED.content_hash,
       modified_gmt = EXCLUDED.modified_gmt, date_gmt = EXCLUDED.date_gmt, fetched_at = now(), status = 'live', reject_reason = NULL
     WHERE raw_posts.content_hash <> EXCLUDED.content_hash OR raw_posts.status <> 'live'`,
    [
      siteId,
      unique.map((post) => post.id),
      payloads,
      payloads.map(payloadHash),
      unique.map((post) => isoOrNull(post.modified_gmt)),
      unique.map((post) => isoOrNull(post.date_gmt)),
    ],
  );
  const changed = result.rowCount ?? 0;
  return { changed, unchanged: unique.length - changed };
}
