import type { Query } from '../db/query.js';

/** Named queries the CLI commands read with (the queries they share with the workers live with their stage). */

/** An article as `explain` prints it. */
export const explainedArticle = (articleId: number): Query => ({
  text: `SELECT id, source_url, source_domain, title, profile, removed, cluster_id, word_count FROM articles WHERE id = $1`,
  values: [articleId],
});

/** The stored payload of the post an article's body came from (its newest version), for `explain`. */
export const explainedVersionPayload = (articleId: number): Query => ({
  text: `SELECT r.payload FROM articles a JOIN raw_posts r ON r.site_id = a.version_site_id AND r.wp_id = a.version_wp_id WHERE a.id = $1`,
  values: [articleId],
});

/** The WordPress posts behind an article, for `explain`. */
export const explainedPosts = (articleId: number): Query => ({
  text: `SELECT p.wp_id, s.url AS site, p.fetched_at FROM article_posts p JOIN sites s ON s.id = p.site_id WHERE p.article_id = $1 ORDER BY p.wp_id`,
  values: [articleId],
});

/** The teasers an article showed, for `explain`. */
export const explainedTeasers = (articleId: number): Query => ({
  text: `SELECT at.slot, at.position, t.key, t.title, t.times_seen
         FROM article_teasers at JOIN teasers t ON t.id = at.teaser_id WHERE at.article_id = $1 ORDER BY at.position`,
  values: [articleId],
});

/** The sites `reprocess` goes through: one (by id) or all when `siteId` is null. */
export const sitesToReprocess = (siteId: number | null): Query => ({
  text: 'SELECT id, url FROM sites WHERE $1::bigint IS NULL OR id = $1 ORDER BY id',
  values: [siteId],
});

/** The wp ids of a site's stored posts still on the site, in order. */
export const storedPostIds = (siteId: number): Query => ({
  text: `SELECT wp_id FROM raw_posts WHERE site_id = $1 AND status <> 'deleted' ORDER BY wp_id`,
  values: [siteId],
});

/** A run's permanent failures by stage and reason, most frequent first, for the run summary. */
export const permanentFailuresOfRun = (runId: number): Query => ({
  text: `SELECT stage, reason, count(*)::int AS n FROM failures WHERE run_id = $1 AND permanent GROUP BY 1, 2 ORDER BY 3 DESC`,
  values: [runId],
});

/** A row of `recentRuns`. */
export interface RecentRunRow {
  id: number;
  site: string;
  apiRoot: string | null;
  kind: string;
  status: string;
  totalPosts: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  pages: number;
  pagesDone: number;
  pagesFailed: number;
  postsProcessed: number;
}

/** The most recent runs with their page and post progress, newest first, for `status`. */
export const recentRuns = (limit: number): Query => ({
  text: `SELECT r.id, s.url AS site, s.api_root AS "apiRoot", r.kind, r.status, r.total_posts AS "totalPosts",
         r.started_at AS "startedAt", r.finished_at AS "finishedAt",
         count(p.*)::int AS pages, count(p.*) FILTER (WHERE p.status IN ('processed', 'empty'))::int AS "pagesDone",
         count(p.*) FILTER (WHERE p.status = 'failed')::int AS "pagesFailed",
         coalesce(sum(p.posts) FILTER (WHERE p.status = 'processed'), 0)::int AS "postsProcessed"
       FROM runs r JOIN sites s ON s.id = r.site_id LEFT JOIN run_pages p ON p.run_id = r.id
       GROUP BY r.id, s.id ORDER BY r.id DESC LIMIT $1`,
  values: [limit],
});

/** A row of `failureCounts`. */
export interface FailureCountRow {
  runId: number;
  stage: string;
  reason: string;
  n: number;
}

/** Failures by run, stage and reason, newest run first, for `status`. */
export const failureCounts = (limit: number): Query => ({
  text: `SELECT run_id AS "runId", stage, reason, count(*)::int AS n FROM failures GROUP BY 1, 2, 3 ORDER BY 1 DESC, 4 DESC LIMIT $1`,
  values: [limit],
});
