import type { Query } from '../db/query.js';
import { sealSecret } from '../secretBox.js';

/** Named queries over sources: sites with a schedule and politeness settings. */

/** Sets a registered site's schedule and politeness; undefined leaves a setting as it is. */
export const configureSource = (siteId: number, s: { everyMs?: number; perPage?: number; ratePerS?: number }): Query => ({
  text: `UPDATE sites SET every_ms = coalesce($2, every_ms), per_page = coalesce($3, per_page), rate_per_s = coalesce($4, rate_per_s), enabled = true
         WHERE id = $1 RETURNING id`,
  values: [siteId, s.everyMs ?? null, s.perPage ?? null, s.ratePerS ?? null],
});

/** Stops scheduling a source; its stored posts and articles stay. */
export const disableSource = (url: string): Query => ({
  text: `UPDATE sites SET enabled = false WHERE url = $1 RETURNING id`,
  values: [url],
});

/** A row of `listSources`. */
export interface SourceRow {
  id: number;
  url: string;
  enabled: boolean;
  everyMs: number | null;
  perPage: number;
  ratePerS: number | null;
  syncCursor: Date | null;
  syncMode: string;
  apiRoot: string | null;
  livePosts: number;
  deletedPosts: number;
  lastSyncAt: Date | null;
}

/** Every source, with its last sync, for `source list` and `status`. */
export const listSources = (): Query => ({
  text: `SELECT s.id, s.url, s.enabled, s.every_ms AS "everyMs", s.per_page AS "perPage", s.rate_per_s AS "ratePerS",
           s.sync_cursor AS "syncCursor", s.sync_mode AS "syncMode", s.api_root AS "apiRoot",
           (SELECT count(*)::int FROM raw_posts r WHERE r.site_id = s.id AND r.status = 'live') AS "livePosts",
           (SELECT count(*)::int FROM raw_posts r WHERE r.site_id = s.id AND r.status = 'deleted') AS "deletedPosts",
           (SELECT max(finished_at) FROM runs r WHERE r.site_id = s.id AND r.kind = 'sync' AND r.status = 'done') AS "lastSyncAt"
         FROM sites s ORDER BY s.id`,
  values: [],
});

/** A row of `siteFigures`. */
export interface SiteFiguresRow {
  id: number;
  url: string;
  apiRoot: string | null;
  syncCursor: Date | null;
  posts: number;
  deletedPosts: number;
  articles: number;
  deletedArticles: number;
}

/**
 * Every site with its posts and articles for `status`: `posts` and `articles` are live ones; posts the id
 * sweep found deleted on the site, and articles left with no live post, are counted apart.
 */
export const siteFigures = (): Query => ({
  text: `SELECT s.id, s.url, s.api_root AS "apiRoot", s.sync_cursor AS "syncCursor",
           (SELECT count(*)::int FROM raw_posts r WHERE r.site_id = s.id AND r.status <> 'deleted') AS posts,
           (SELECT count(*)::int FROM raw_posts r WHERE r.site_id = s.id AND r.status = 'deleted') AS "deletedPosts",
           (SELECT count(DISTINCT ap.article_id)::int FROM article_posts ap JOIN articles a ON a.id = ap.article_id
            WHERE ap.site_id = s.id AND a.deleted_at IS NULL) AS articles,
           (SELECT count(DISTINCT ap.article_id)::int FROM article_posts ap JOIN articles a ON a.id = ap.article_id
            WHERE ap.site_id = s.id AND a.deleted_at IS NOT NULL) AS "deletedArticles"
         FROM sites s ORDER BY s.id`,
  values: [],
});

/** A source's sync period in ms (row `{ everyMs }`; null when it has no schedule). */
export const sourceSchedule = (siteId: number): Query => ({
  text: 'SELECT every_ms AS "everyMs" FROM sites WHERE id = $1',
  values: [siteId],
});

/** Stops scheduling a site by id (see `disableSource`). */
export const disableSourceById = (siteId: number): Query => ({
  text: `UPDATE sites SET enabled = false WHERE id = $1`,
  values: [siteId],
});

/** A row of `scheduledSources`. */
export interface ScheduledSourceRow {
  id: number;
  everyMs: number;
}

/** Enabled sources with a sync period: what the scheduler keeps job schedulers for. */
export const scheduledSources = (): Query => ({
  text: `SELECT id, every_ms AS "everyMs" FROM sites WHERE enabled AND every_ms IS NOT NULL ORDER BY id`,
  values: [],
});

/** A row of `sitePoliteness`: no rate (null) means the default one. */
export interface SitePolitenessRow {
  ratePerS: number | null;
  perPage: number;
}

/** The rate limit a site's fetches obey, and its page size. */
export const sitePoliteness = (siteId: number): Query => ({
  text: `SELECT rate_per_s AS "ratePerS", per_page AS "perPage" FROM sites WHERE id = $1`,
  values: [siteId],
});

/** Stores a site's application password, encrypted (see secretBox); the plain password never reaches the database. */
export const storeCredentials = (siteId: number, auth: { user: string; password: string }, key: Buffer): Query => ({
  text: `UPDATE sites SET auth_user = $2, auth_secret = $3 WHERE id = $1`,
  values: [siteId, auth.user, sealSecret(auth.password, key)],
});
