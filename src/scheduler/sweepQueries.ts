import type { Query } from '../db/query.js';

/** Named queries of the id sweep. */

/**
 * Marks the site's stored posts whose ids the site no longer lists as deleted. Posts stored after the
 * listing began are left alone: the listing could not have seen them. The listing is of `/wp/v2/posts`, so
 * pages and custom post types (which it never shows) are left alone too.
 */
export const markVanishedPosts = (siteId: number, listedIds: readonly number[], listedAt: Date): Query => ({
  text: `UPDATE raw_posts SET status = 'deleted'
         WHERE site_id = $1 AND status <> 'deleted' AND fetched_at < $3 AND NOT (wp_id = ANY($2::bigint[]))
           AND coalesce(post_type, 'post') = 'post'
         RETURNING wp_id`,
  values: [siteId, listedIds, listedAt],
});

/** Articles all of whose posts are deleted get `deleted_at`; the row and its text stay. */
export const markDeletedArticles = (): Query => ({
  text: `UPDATE articles a SET deleted_at = now()
         WHERE a.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM article_posts ap WHERE ap.article_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM article_posts ap JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                           WHERE ap.article_id = a.id AND r.status <> 'deleted')
         RETURNING a.id`,
  values: [],
});

/** An article one of whose posts is live again (restored, or re-fetched) loses its `deleted_at`. */
export const reviveArticles = (): Query => ({
  text: `UPDATE articles a SET deleted_at = NULL
         WHERE a.deleted_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM article_posts ap JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                       WHERE ap.article_id = a.id AND r.status <> 'deleted')
         RETURNING a.id`,
  values: [],
});
