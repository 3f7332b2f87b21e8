import type { Query } from '../db/query.js';

/** Named queries of `backfill --resume` and `--cancel`. */

/** Failed pages get another go: back to `fetched` when their posts are stored, else to `pending`. */
export const reopenFailedPages = (runId: number): Query => ({
  text: `UPDATE run_pages SET status = CASE WHEN wp_ids IS NOT NULL AND fetched_at IS NOT NULL THEN 'fetched' ELSE 'pending' END, reason = NULL
         WHERE run_id = $1 AND status = 'failed'`,
  values: [runId],
});

/**
 * Sets a finished or stalled run running again (the one-active-backfill index still applies) as its next
 * pass, which gets a settle job of its own. Row `{ passes }`: the new pass number.
 */
export const reopenRun = (runId: number): Query => ({
  text: `UPDATE runs SET status = 'running', finished_at = NULL, error = NULL, started_at = coalesce(started_at, now()), passes = passes + 1
         WHERE id = $1 RETURNING passes`,
  values: [runId],
});

/** Marks an unfinished run cancelled (row `{ siteId }`; none when it had already finished). */
export const cancelRun = (runId: number): Query => ({
  text: `UPDATE runs SET status = 'cancelled', finished_at = now(), error = 'cancelled by user'
         WHERE id = $1 AND status IN ('planning', 'running', 'settling') RETURNING site_id AS "siteId"`,
  values: [runId],
});

/** A run's pages that still need a fetch or a process job. */
export const openPages = (runId: number): Query => ({
  text: `SELECT page, status FROM run_pages WHERE run_id = $1 AND status IN ('pending', 'fetched') ORDER BY page`,
  values: [runId],
});
