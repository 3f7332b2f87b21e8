import type { Query } from '../db/query.js';

/** Named read-only queries behind `/metrics` and the overview page. */

/** The readiness probe: answers when Postgres takes queries. */
export const ping = (): Query => ({ text: 'SELECT 1', values: [] });

/** Runs that get a `wpingest_run_pages` series: the most recent ones, so label cardinality stays bounded. */
export const RUN_PAGES_METRIC_RUNS = 20;

/** Row counts the metrics report as totals. */
export const tableCounts = (): Query => ({
  text: `SELECT (SELECT count(*) FROM raw_posts)::bigint AS posts,
                (SELECT count(*) FROM articles WHERE deleted_at IS NULL)::bigint AS articles,
                (SELECT count(*) FROM articles WHERE deleted_at IS NOT NULL)::bigint AS "deletedArticles",
                (SELECT count(*) FROM articles WHERE word_count = 0 AND deleted_at IS NULL)::bigint AS "emptyBodies",
                (SELECT count(*) FROM articles WHERE search_vector IS NULL)::bigint AS "searchPending",
                (SELECT count(*) FROM teasers)::bigint AS teasers,
                (SELECT count(*) - count(DISTINCT article_id) FROM article_posts)::bigint AS "duplicatePostsMerged"`,
  values: [],
});

/**
 * Seconds since each site's last successful sync (the cursor itself is a post's `modified_gmt`, which on a
 * quiet site is months old however healthy the sync is); sites that never synced have none.
 */
export const syncCursorLag = (): Query => ({
  text: `SELECT s.url AS site, extract(epoch FROM now() - max(r.finished_at))::float8 AS seconds
         FROM sites s JOIN runs r ON r.site_id = s.id AND r.kind = 'sync' AND r.status = 'done'
         GROUP BY s.id, s.url ORDER BY s.id`,
  values: [],
});

/** Page counts by status for the most recent runs. */
export const runPageCounts = (runs: number): Query => ({
  text: `SELECT p.run_id::text AS run, p.status AS state, count(*)::int AS count
         FROM run_pages p WHERE p.run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT $1)
         GROUP BY p.run_id, p.status ORDER BY p.run_id, p.status`,
  values: [runs],
});

/**
 * Every site with its schedule, rate, live articles, last successful sync, most recent run (with its failed
 * pages) and the failures recorded for it in the last `failureHours` hours (count and newest).
 */
export const sitesWithLastRun = (limit: number, failureHours: number): Query => ({
  text: `SELECT s.id, s.url, s.enabled, s.sync_cursor AS "syncCursor", s.api_root AS "apiRoot", s.every_ms AS "everyMs", s.rate_per_s AS "ratePerS",
                (SELECT count(DISTINCT ap.article_id)::int FROM article_posts ap JOIN articles a ON a.id = ap.article_id
                 WHERE ap.site_id = s.id AND a.deleted_at IS NULL) AS articles,
                (SELECT max(finished_at) FROM runs x WHERE x.site_id = s.id AND x.kind = 'sync' AND x.status = 'done') AS "lastSyncAt",
                r.id AS "runId", r.kind AS "runKind", r.status AS "runStatus",
                r.created_at AS "runCreatedAt", r.finished_at AS "runFinishedAt",
                (SELECT count(*)::int FROM run_pages p WHERE p.run_id = r.id AND p.status = 'failed') AS "runPagesFailed",
                f.n AS "recentFailures", f.reason AS "lastFailureReason", f.message AS "lastFailureMessage"
         FROM sites s
         LEFT JOIN LATERAL (SELECT * FROM runs WHERE site_id = s.id ORDER BY id DESC LIMIT 1) r ON true
         LEFT JOIN LATERAL (SELECT count(*) OVER ()::int AS n, reason, message FROM failures
                            WHERE site_id = s.id AND created_at > now() - make_interval(hours => $2::int)
                            ORDER BY created_at DESC LIMIT 1) f ON true
         ORDER BY s.id LIMIT $1`,
  values: [limit, failureHours],
});

/** Posts processed per minute over the last `minutes` minutes, oldest first (every minute listed, zeros too). */
export const postsPerMinute = (minutes: number): Query => ({
  text: `SELECT m.minute AS "at", coalesce(sum(p.posts), 0)::int AS posts
         FROM generate_series(date_trunc('minute', now()) - make_interval(mins => $1::int - 1), date_trunc('minute', now()), interval '1 minute') AS m(minute)
         LEFT JOIN run_pages p ON p.status = 'processed' AND p.processed_at >= m.minute AND p.processed_at < m.minute + interval '1 minute'
         GROUP BY m.minute ORDER BY m.minute`,
  values: [minutes],
});

/** Progress of the most recent runs (the same figures as `runProgress`, for many runs at once). */
export const recentRunsProgress = (limit: number): Query => ({
  text: `SELECT r.id, r.status, r.kind, r.total_pages AS "totalPages", r.total_posts AS "totalPosts",
           r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.error, s.url AS "siteUrl",
           s.id AS "siteId", s.api_root AS "apiRoot",
           count(p.*)::int AS "pagesPlanned",
           count(p.*) FILTER (WHERE p.status IN ('processed', 'empty'))::int AS "pagesProcessed",
           count(p.*) FILTER (WHERE p.status = 'failed')::int AS "pagesFailed",
           coalesce(sum(p.posts) FILTER (WHERE p.status = 'processed'), 0)::int AS "postsProcessed"
         FROM runs r JOIN sites s ON s.id = r.site_id LEFT JOIN run_pages p ON p.run_id = r.id
         WHERE r.id IN (SELECT id FROM runs ORDER BY id DESC LIMIT $1)
         GROUP BY r.id, s.id ORDER BY r.id DESC`,
  values: [limit],
});

/** Live articles per UTC day over the last `days` days, by publication date and by ingest date. */
export const articlesPerDay = (days: number): Query => ({
  text: `SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           (SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL AND a.published_at >= d.day AND a.published_at < d.day + interval '1 day')::int AS published,
           (SELECT count(*) FROM articles a WHERE a.deleted_at IS NULL AND a.created_at >= d.day AND a.created_at < d.day + interval '1 day')::int AS ingested
         FROM generate_series(date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => $1::int - 1),
                              date_trunc('day', now() AT TIME ZONE 'UTC'), interval '1 day') AS g(local_day)
         CROSS JOIN LATERAL (SELECT g.local_day AT TIME ZONE 'UTC' AS day) d
         ORDER BY d.day DESC`,
  values: [days],
});

/** Failures of the last `hours` hours grouped by stage and reason, with the newest message as a sample. */
export const recentFailuresByReason = (hours: number, limit: number): Query => ({
  text: `SELECT stage, reason, count(*)::int AS count, bool_or(permanent) AS permanent,
           max(created_at) AS "lastSeen", (array_agg(message ORDER BY created_at DESC))[1] AS sample
         FROM failures WHERE created_at > now() - make_interval(hours => $1::int)
         GROUP BY stage, reason ORDER BY count(*) DESC, max(created_at) DESC LIMIT $2`,
  values: [hours, limit],
});
