import type { Query } from '../db/query.js';

/** Named queries over sites, runs and run pages. */

export const upsertSite = (url: string, apiRoot: string, apiForm: string, perPage: number): Query => ({
  text: `INSERT INTO sites (url, api_root, api_form, per_page) VALUES ($1, $2, $3, $4)
         ON CONFLICT (url) DO UPDATE SET api_root = EXCLUDED.api_root, api_form = EXCLUDED.api_form
         RETURNING id`,
  values: [url, apiRoot, apiForm, perPage],
});

export const insertRun = (siteId: number, kind: 'backfill' | 'sync', params: object): Query => ({
  text: `INSERT INTO runs (site_id, kind, params) VALUES ($1, $2, $3) RETURNING id`,
  values: [siteId, kind, JSON.stringify(params)],
});

export const activeBackfill = (siteId: number): Query => ({
  text: `SELECT id FROM runs WHERE site_id = $1 AND kind = 'backfill' AND status IN ('planning', 'running', 'settling')`,
  values: [siteId],
});

/** Adds pages first..last to a run (idempotent) and records the plan's totals. */
export const insertPages = (runId: number, first: number, last: number): Query => ({
  text: `INSERT INTO run_pages (run_id, page) SELECT $1, g FROM generate_series($2::int, $3::int) g ON CONFLICT DO NOTHING`,
  values: [runId, first, last],
});

export const startRun = (runId: number, totalPosts: number, totalPages: number): Query => ({
  text: `UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()), total_posts = $2, total_pages = $3 WHERE id = $1`,
  values: [runId, totalPosts, totalPages],
});

export const finishRun = (runId: number, status: 'done' | 'failed' | 'cancelled', error: string | null = null): Query => ({
  text: `UPDATE runs SET status = $2, finished_at = now(), error = $3 WHERE id = $1 AND status NOT IN ('done', 'failed', 'cancelled')`,
  values: [runId, status, error],
});

export const setRunStatus = (runId: number, status: 'running' | 'settling'): Query => ({
  text: `UPDATE runs SET status = $2 WHERE id = $1 AND status IN ('planning', 'running', 'settling')`,
  values: [runId, status],
});

/** A row of `unfinishedPages`. */
export interface UnfinishedPageRow {
  siteId: number;
  runId: number;
  page: number;
  status: 'pending' | 'fetched';
}

/** Unfinished pages of unfinished runs: what the queues must hold. Used to rebuild lost queue state. */
export const unfinishedPages = (): Query => ({
  text: `SELECT r.site_id AS "siteId", p.run_id AS "runId", p.page, p.status
         FROM run_pages p JOIN runs r ON r.id = p.run_id
         WHERE r.status = 'running' AND p.status IN ('pending', 'fetched')
         ORDER BY p.run_id, p.page`,
  values: [],
});

/** A run and its pass (a row of `runsReadyToSettle` and `settlingRuns`): a settle job's id names both. */
export interface RunPassRow {
  id: number;
  passes: number;
}

/** Runs whose every page is finished but which are not yet settled. */
export const runsReadyToSettle = (): Query => ({
  text: `SELECT r.id, r.passes FROM runs r WHERE r.status = 'running'
         AND NOT EXISTS (SELECT 1 FROM run_pages p WHERE p.run_id = r.id AND p.status IN ('pending', 'fetched'))`,
  values: [],
});

export const runProgress = (runId: number): Query => ({
  text: `SELECT r.id, r.status, r.kind, r.total_pages AS "totalPages", r.total_posts AS "totalPosts", r.created_at AS "createdAt",
           r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.error, s.url AS "siteUrl",
           count(p.*)::int AS "pagesPlanned",
           count(p.*) FILTER (WHERE p.status IN ('fetched', 'processed', 'empty'))::int AS "pagesFetched",
           count(p.*) FILTER (WHERE p.status IN ('processed', 'empty'))::int AS "pagesProcessed",
           count(p.*) FILTER (WHERE p.status = 'failed')::int AS "pagesFailed",
           coalesce(sum(p.posts) FILTER (WHERE p.status IN ('fetched', 'processed')), 0)::int AS "postsFetched",
           coalesce(sum(p.posts) FILTER (WHERE p.status = 'processed'), 0)::int AS "postsProcessed"
         FROM runs r JOIN sites s ON s.id = r.site_id LEFT JOIN run_pages p ON p.run_id = r.id
         WHERE r.id = $1 GROUP BY r.id, s.url`,
  values: [runId],
});

export const markPageFetched = (runId: number, page: number, wpIds: number[], rejected: number, storedAt: Date | null = null): Query => ({
  text: `UPDATE run_pages SET status = CASE WHEN cardinality($3::bigint[]) = 0 THEN 'empty' ELSE 'fetched' END,
           posts = cardinality($3::bigint[]), wp_ids = $3, fetched_at = coalesce($5::timestamptz, now()), attempts = attempts + 1,
           reason = CASE WHEN $4::int > 0 THEN $4::int || ' items rejected' END
         WHERE run_id = $1 AND page = $2 AND status IN ('pending', 'failed')`,
  values: [runId, page, wpIds, rejected, storedAt],
});

export const markPageEmpty = (runId: number, page: number): Query => ({
  text: `UPDATE run_pages SET status = 'empty', posts = 0, wp_ids = '{}', fetched_at = now() WHERE run_id = $1 AND page = $2 AND status <> 'processed'`,
  values: [runId, page],
});

export const markPageProcessed = (runId: number, page: number): Query => ({
  text: `UPDATE run_pages SET status = 'processed', processed_at = now() WHERE run_id = $1 AND page = $2 AND status = 'fetched'`,
  values: [runId, page],
});

export const markPageFailed = (runId: number, page: number, reason: string): Query => ({
  text: `UPDATE run_pages SET status = 'failed', reason = $3, attempts = attempts + 1 WHERE run_id = $1 AND page = $2 AND status IN ('pending', 'fetched')`,
  values: [runId, page, reason],
});

export const pageState = (runId: number, page: number): Query => ({
  text: `SELECT status, wp_ids AS "wpIds" FROM run_pages WHERE run_id = $1 AND page = $2`,
  values: [runId, page],
});

/** Records a failure; a run's second `implausible-total` is a no-op (sql/000013_one_implausible_total.sql). */
export const insertFailure = (f: {
  runId: number | null;
  siteId: number | null;
  stage: string;
  page: number | null;
  wpId: number | null;
  reason: string;
  message: string;
  permanent: boolean;
}): Query => ({
  text: `INSERT INTO failures (run_id, site_id, stage, page, wp_id, reason, message, permanent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT DO NOTHING`,
  values: [f.runId, f.siteId, f.stage, f.page, f.wpId, f.reason, f.message.slice(0, 2000), f.permanent],
});

export const siteById = (siteId: number): Query => ({
  text: `SELECT id, url, api_root AS "apiRoot", per_page AS "perPage", sync_cursor AS "syncCursor", sync_mode AS "syncMode" FROM sites WHERE id = $1`,
  values: [siteId],
});

export const runById = (runId: number): Query => ({
  text: `SELECT id, site_id AS "siteId", kind, status, params, total_pages AS "totalPages", passes FROM runs WHERE id = $1`,
  values: [runId],
});

/** A run's row as `runById` names it. */
export interface RunRow {
  id: number;
  siteId: number;
  kind: 'backfill' | 'sync';
  status: string;
  params: { before?: string; after?: string; pages?: { first: number; last: number }; collections?: string[]; cursor?: string | null };
  totalPages: number | null;
  passes: number;
}

/** A site's row as `siteById` names it. */
export interface SiteRow {
  id: number;
  url: string;
  apiRoot: string;
  perPage: number;
  syncCursor: Date | null;
  syncMode: 'modified_after' | 'after';
}

/** A page's row as `pageState` names it. */
export interface PageStateRow {
  status: string;
  wpIds: number[] | null;
}

/** A row (`{ id }`) of an inserted run, or of the site's active backfill (`activeBackfill`). */
export interface RunIdRow {
  id: number;
}

/** One row (`{ 1 }`) while the run has a page still to fetch or process. */
export const runHasOpenPages = (runId: number): Query => ({
  text: `SELECT 1 FROM run_pages WHERE run_id = $1 AND status IN ('pending', 'fetched') LIMIT 1`,
  values: [runId],
});

/** A run's pass number (row `{ passes }`): each pass (a resume) gets a settle job of its own. */
export const runPasses = (runId: number): Query => ({
  text: 'SELECT passes FROM runs WHERE id = $1',
  values: [runId],
});

/** Runs stopped mid-settle (rows `{ id, passes }`): their settle job is enqueued again. */
export const settlingRuns = (): Query => ({
  text: `SELECT id, passes FROM runs WHERE status = 'settling'`,
  values: [],
});

/** The status of each of the runs (rows `{ id, status }`), to notice a cancel. */
export const runStatuses = (runIds: readonly number[]): Query => ({
  text: 'SELECT id, status FROM runs WHERE id = ANY($1::bigint[])',
  values: [runIds],
});

/** A sync run's totals, known only at its end. */
export const setRunTotals = (runId: number, totalPosts: number, totalPages: number): Query => ({
  text: 'UPDATE runs SET total_posts = $2, total_pages = $3 WHERE id = $1',
  values: [runId, totalPosts, totalPages],
});

/** A run's plan grown to `totalPages` (never shrunk: concurrent jobs may see the growth in any order). */
export const growRunTotals = (runId: number, totalPages: number, totalPosts: number): Query => ({
  text: 'UPDATE runs SET total_pages = $2, total_posts = greatest(total_posts, $3) WHERE id = $1 AND total_pages < $2',
  values: [runId, totalPages, totalPosts],
});

/** The pending pages strictly between `after` and `before` marked empty: past the end of the listing. */
export const markPagesEmptyBetween = (runId: number, after: number, before: number): Query => ({
  text: `UPDATE run_pages SET status = 'empty', posts = 0, wp_ids = '{}', fetched_at = now() WHERE run_id = $1 AND page > $2 AND page < $3 AND status = 'pending'`,
  values: [runId, after, before],
});

/** One row (`{ 1 }`) when the run already has an implausible-total failure recorded. */
export const implausibleTotalRecorded = (runId: number): Query => ({
  text: `SELECT 1 FROM failures WHERE run_id = $1 AND reason = 'implausible-total' LIMIT 1`,
  values: [runId],
});

/** A run's permanently failed pages (row `{ n }`). */
export const failedPageCount = (runId: number): Query => ({
  text: `SELECT count(*)::int AS n FROM run_pages WHERE run_id = $1 AND status = 'failed'`,
  values: [runId],
});
