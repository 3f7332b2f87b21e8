import type { Query } from '../db/query.js';

/** Named queries for the figures `status`, the run summary and the dashboard show. */

/** The dedupe figures (one row, see `DedupeFigures`) of one site, or of all when `siteId` is null. */
export const dedupeFigures = (siteId: number | null): Query => ({
  text: `SELECT
     (SELECT count(*) FROM raw_posts WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "postsSeen",
     (SELECT count(*) FROM raw_posts WHERE status = 'rejected' AND ($1::bigint IS NULL OR site_id = $1))::int AS "rejectedPosts",
     (SELECT count(DISTINCT ap.article_id) FROM article_posts ap JOIN articles a ON a.id = ap.article_id
      WHERE a.deleted_at IS NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS articles,
     (SELECT count(DISTINCT ap.article_id) FROM articles a JOIN article_posts ap ON ap.article_id = a.id
      WHERE a.word_count = 0 AND a.deleted_at IS NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS "emptyBodies",
     (SELECT count(DISTINCT ap.article_id) FROM articles a JOIN article_posts ap ON ap.article_id = a.id
      WHERE a.profile = 'listing' AND a.deleted_at IS NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS "listingPages",
     (SELECT count(*) FROM articles a WHERE a.search_vector IS NULL
      AND ($1::bigint IS NULL OR EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = a.id AND ap.site_id = $1)))::int AS "searchPending",
     (SELECT count(DISTINCT ap.article_id) FROM article_posts ap JOIN articles a ON a.id = ap.article_id
      WHERE a.deleted_at IS NOT NULL AND ($1::bigint IS NULL OR ap.site_id = $1))::int AS "deletedArticles",
     (SELECT count(*) - count(DISTINCT article_id) FROM article_posts WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "duplicatePostsMerged",
     (SELECT count(DISTINCT cluster_id) FROM articles WHERE cluster_id IS NOT NULL)::int AS "nearDuplicateClusters",
     (SELECT count(DISTINCT t) FROM post_figures, unnest(teaser_ids) AS t WHERE ($1::bigint IS NULL OR site_id = $1))::int AS "teasersStored",
     (SELECT coalesce(sum(teaser_occurrences), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "teaserOccurrences",
     (SELECT coalesce(sum(removed_bytes), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "boilerplateBytesRemoved",
     (SELECT coalesce(sum(content_bytes), 0) FROM post_figures WHERE ($1::bigint IS NULL OR site_id = $1))::bigint AS "contentBytes"`,
  values: [siteId],
});
