import type { PoolClient } from '../db/createPool.js';
import type { ArticleRow } from './articleRow.js';

/**
 * Records every version of every story (article_versions, keyed by content hash), which WP post each came
 * from (article_posts) and the per-post figures behind `status`. All idempotent.
 */
export async function loadProvenance(client: PoolClient, rows: readonly ArticleRow[], ids: ReadonlyMap<string, number>, teaserCounts: ReadonlyMap<ArticleRow, number>): Promise<void> {
  const sorted = [...rows].sort((a, b) => a.siteId - b.siteId || a.wpId - b.wpId);
  const articleIds = sorted.map((row) => ids.get(row.sourceUrl)!);
  const payloadHashes = sorted.map((r) => r.payloadHash ?? null);
  // A version made earlier from the same payload of the same post (before the template counts were final) is
  // replaced, not kept beside the new one, unless another post of the story still shows it.
  await client.query(
    `DELETE FROM article_versions v USING unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS u(site_id, wp_id, payload_hash, content_hash)
     WHERE v.site_id = u.site_id AND v.wp_id = u.wp_id AND v.payload_hash = u.payload_hash AND v.content_hash <> u.content_hash
       AND NOT EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = v.article_id AND ap.content_hash = v.content_hash AND (ap.site_id, ap.wp_id) <> (v.site_id, v.wp_id))`,
    [sorted.map((r) => r.siteId), sorted.map((r) => r.wpId), payloadHashes, sorted.map((r) => r.contentHash)],
  );
  await client.query(
    `INSERT INTO article_versions (article_id, content_hash, site_id, wp_id, date_gmt, title, body_text, payload_hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (article_id, content_hash) DO NOTHING`,
    [articleIds, sorted.map((r) => r.contentHash), sorted.map((r) => r.siteId), sorted.map((r) => r.wpId), sorted.map((r) => r.dateGmt), sorted.map((r) => r.article.title), sorted.map((r) => r.article.body_text), payloadHashes],
  );
  await client.query(
    `INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at)
     SELECT u.site_id, u.wp_id, u.article_id, u.content_hash, now() FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS u(site_id, wp_id, article_id, content_hash)
     ON CONFLICT (site_id, wp_id) DO UPDATE SET article_id = EXCLUDED.article_id, content_hash = EXCLUDED.content_hash, fetched_at = now()
     WHERE (article_posts.article_id, article_posts.content_hash) <> (EXCLUDED.article_id, EXCLUDED.content_hash)`,
    [sorted.map((r) => r.siteId), sorted.map((r) => r.wpId), articleIds, sorted.map((r) => r.contentHash)],
  );
  await client.query(
    `INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[])
     ON CONFLICT (site_id, wp_id) DO UPDATE SET teaser_occurrences = EXCLUDED.teaser_occurrences, removed_bytes = EXCLUDED.removed_bytes, content_bytes = EXCLUDED.content_bytes
     WHERE (post_figures.teaser_occurrences, post_figures.removed_bytes, post_figures.content_bytes) <> (EXCLUDED.teaser_occurrences, EXCLUDED.removed_bytes, EXCLUDED.content_bytes)`,
    [sorted.map((r) => r.siteId), sorted.map((r) => r.wpId), sorted.map((r) => teaserCounts.get(r) ?? 0), sorted.map((r) => r.removedBytes), sorted.map((r) => r.contentBytes)],
  );
}
