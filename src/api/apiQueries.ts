import type { Query } from '../db/query.js';

/** Named queries of the read API (its articles are the feed's: see `feed/feedQueries`). */

/** Sources as the API shows them: schedule, collections and figures; never credentials (only whether there are some). */
export const listApiSources = (): Query => ({
  text: `SELECT s.id, s.url, s.enabled, s.every_ms AS every_ms, s.post_types, (s.auth_user IS NOT NULL) AS authenticated,
           s.sync_cursor, s.created_at,
           (SELECT count(*)::int FROM raw_posts r WHERE r.site_id = s.id AND r.status = 'live') AS live_posts,
           (SELECT count(DISTINCT ap.article_id)::int FROM article_posts ap JOIN articles a ON a.id = ap.article_id
             WHERE ap.site_id = s.id AND a.deleted_at IS NULL) AS articles
         FROM sites s ORDER BY s.id`,
  values: [],
});
