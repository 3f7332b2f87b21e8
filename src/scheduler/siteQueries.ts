import type { Query } from '../db/query.js';

/** Named queries over a site's identity, access and sync position (the `sites` row). */

/** The site already known by this REST root, the oldest first (row `{ id }`). */
export const siteByApiRoot = (apiRoot: string): Query => ({
  text: 'SELECT id FROM sites WHERE api_root = $1 ORDER BY id LIMIT 1',
  values: [apiRoot],
});

/** A row of `siteContaining`. */
export interface SiteUrlRow {
  id: number;
  url: string;
}

/** The site whose URL is `url` or the longest prefix of it (an article or category URL of the site). */
export const siteContaining = (url: string): Query => ({
  text: `SELECT id, url FROM sites WHERE url = $1 OR left($1, length(url) + 1) = url || '/' ORDER BY length(url) DESC, id LIMIT 1`,
  values: [url],
});

/** A site's URL (row `{ url }`). */
export const siteUrl = (siteId: number): Query => ({
  text: 'SELECT url FROM sites WHERE id = $1',
  values: [siteId],
});

/** A row of `siteCredentials`: `secret` is sealed (see secretBox). */
export interface SiteCredentialsRow {
  url: string;
  apiRoot: string | null;
  user: string | null;
  secret: string | null;
}

/** A site's origins and stored application password. */
export const siteCredentials = (siteId: number): Query => ({
  text: `SELECT url, api_root AS "apiRoot", auth_user AS user, auth_secret AS secret FROM sites WHERE id = $1`,
  values: [siteId],
});

/** The collections a site is read from (row `{ post_types }`). */
export const sitePostTypes = (siteId: number): Query => ({
  text: 'SELECT post_types FROM sites WHERE id = $1',
  values: [siteId],
});

/** Remembers the collections `--types` named for the site. */
export const setSitePostTypes = (siteId: number, collections: readonly string[]): Query => ({
  text: 'UPDATE sites SET post_types = $2 WHERE id = $1',
  values: [siteId, collections],
});

/** The site ignores `modified_after` (WordPress < 5.7): its syncs read new posts only. */
export const setSyncModeAfter = (siteId: number): Query => ({
  text: `UPDATE sites SET sync_mode = 'after' WHERE id = $1`,
  values: [siteId],
});

/** Moves the site's sync cursor forward to `cursor`, never back. */
export const advanceSyncCursor = (siteId: number, cursor: string | null): Query => ({
  text: 'UPDATE sites SET sync_cursor = $2 WHERE id = $1 AND (sync_cursor IS NULL OR sync_cursor < $2)',
  values: [siteId, cursor],
});

/**
 * A complete backfill is where incremental sync starts: the newest `modified_gmt` the site reported, but no
 * later than the run's start, so a post edited while the backfill was paging is still picked up. A site that
 * already has a cursor keeps it.
 */
export const startSyncCursor = (siteId: number, runId: number): Query => ({
  text: `UPDATE sites SET sync_cursor = least((SELECT max(modified_gmt) FROM raw_posts WHERE site_id = $1), (SELECT started_at FROM runs WHERE id = $2))
     WHERE id = $1 AND sync_cursor IS NULL`,
  values: [siteId, runId],
});
