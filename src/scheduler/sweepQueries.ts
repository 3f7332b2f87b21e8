import type { Query } from '../db/query.js';

/** Named queries of the id sweep. */

/**
 * Marks the site's stored posts whose ids the site no longer lists as deleted. Posts stored after the
 * listing began are left alone: the listing could not have seen them. The listing is of `/wp/v2/posts`, so
 * pages and custom post types (which it never shows) are left alone too. Rows `{ wp_id }` (a bigint, as text).
 */
export const markVanishedPosts = (siteId: number, listedIds: readonly number[], listedAt: Date): Query => ({
  text: `UPDATE raw_posts SET status = 'deleted'
         WHERE site_id = $1 AND status <> 'deleted' AND fetched_at < $3 AND NOT (wp_id = ANY($2::bigint[]))
           AND coalesce(post_type, 'post') = 'post'
         RETURNING wp_id`,
  values: [siteId, listedIds, listedAt],
});

/**
 * Articles of the site's deleted posts, all of whose posts (of any site) are deleted, get `deleted_at`; the row
 * and its text stay. Driven by the site's deleted posts, not by every article: on a million-article database a
 * scan of all articles cost 4.5 s per sweep of each source (EXPLAIN on the bench's seeded database). Only the sweep
 * marks posts deleted, so an article it should mark always has a deleted post of the site being swept.
 */
export const markDeletedArticles = (siteId: number): Query => ({
  text: `UPDATE articles a SET deleted_at = now()
         WHERE a.id IN (SELECT ap.article_id FROM article_posts ap JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                        WHERE ap.site_id = $1 AND r.status = 'deleted')
           AND a.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM article_posts ap JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                           WHERE ap.article_id = a.id AND r.status <> 'deleted')
         RETURNING a.id`,
  values: [siteId],
});

/**
 * An article marked deleted one of whose posts of the site is live again (restored, or re-fetched) loses its
 * `deleted_at`. Driven by the site's live posts, like `markDeletedArticles`.
 */
export const reviveArticles = (siteId: number): Query => ({
  text: `UPDATE articles a SET deleted_at = NULL
         WHERE a.id IN (SELECT ap.article_id FROM article_posts ap JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                        WHERE ap.site_id = $1 AND r.status <> 'deleted')
           AND a.deleted_at IS NOT NULL
         RETURNING a.id`,
  values: [siteId],
});
