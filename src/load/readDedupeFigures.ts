import type { Pool } from '../db/createPool.js';

/** The dedupe figures shown by `status` and the backfill summary. */
export interface DedupeFigures {
  /** Every post stored, live, deleted on its site or rejected. */
  postsSeen: number;
  /** Live articles: at least one of their posts is still on its site. */
  articles: number;
  /** Articles all of whose posts were deleted on their sites (`deleted_at`, set by the id sweep); kept, not counted in `articles`. */
  deletedArticles: number;
  duplicatePostsMerged: number;
  nearDuplicateClusters: number;
  teasersStored: number;
  teaserOccurrences: number;
  teaserOccurrencesCollapsed: number;
  boilerplateBytesRemoved: number;
  contentBytes: number;
  rejectedPosts: number;
}

/** Reads the dedupe figures, for one site or all. */
export async function readDedupeFigures(pool: Pool, siteId?: number): Promise<DedupeFigures> {
  const site = siteId ?? null;
  const result = await pool.query(
    `SELECT
       (SELECT count(*) FROM raw_posts WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "postsSeen",
       (SELECT count(*) FROM raw_posts WHERE status = 'rejected' AND ($1::bigint IS NULL OR site_id = $1))::int AS "rejectedPosts",
       (SELECT count(DISTINCT ap.article_id) FROM article_posts ap JOIN articles a ON a.id = ap.article_id
        WHERE a.deleted_at IS NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS articles,
       (SELECT count(DISTINCT ap.article_id) FROM article_posts ap JOIN articles a ON a.id = ap.article_id
        WHERE a.deleted_at IS NOT NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS "deletedArticles",
       (SELECT count(*) - count(DISTINCT article_id) FROM article_posts WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "duplicatePostsMerged",
       (SELECT count(DISTINCT cluster_id) FROM articles WHERE cluster_id IS NOT NULL)::int AS "nearDuplicateClusters",
       (SELECT count(DISTINCT teaser_id) FROM post_teasers WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "teasersStored",
       (SELECT coalesce(sum(teaser_occurrences), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "teaserOccurrences",
       (SELECT coalesce(sum(removed_bytes), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "boilerplateBytesRemoved",
       (SELECT coalesce(sum(content_bytes), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "contentBytes"`,
    [site],
  );
  const row = result.rows[0] as Omit<DedupeFigures, 'teaserOccurrencesCollapsed'>;
  return { ...row, teaserOccurrencesCollapsed: Math.max(0, row.teaserOccurrences - row.teasersStored) };
}
