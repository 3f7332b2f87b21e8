import type { Query } from '../../db/query.js';

/** Named queries of an incremental sync. */

/**
 * The newest stored post id of the site's `/wp/v2/posts` (row `{ id }`, null when none): where the pass for
 * new ids stops reading.
 */
export const newestStoredPostId = (siteId: number): Query => ({
  text: "SELECT max(wp_id) AS id FROM raw_posts WHERE site_id = $1 AND coalesce(post_type, 'post') = 'post'",
  values: [siteId],
});
