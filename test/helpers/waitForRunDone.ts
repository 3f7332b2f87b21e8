import { expect } from 'vitest';
import { startBackfill, type BackfillStart } from '../../src/jobs/backfill/startBackfill.js';
import type { AppContext } from '../../src/jobs/context.js';
import { pendingSearchCount } from '../../src/load/searchIndexQueries.js';

/** The tables a backfill writes its posts and articles to (not its bookkeeping: runs, run_pages, sites). */
export const ARTICLE_TABLES = ['raw_posts', 'articles', 'article_versions', 'article_posts', 'teasers', 'block_stats', 'post_figures'] as const;

/** Polls Postgres until the run is finished; fails the test with the run's state on timeout. */
export async function waitForRunDone(ctx: Pick<AppContext, 'pool'>, runId: number, timeoutMs = 90_000): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await ctx.pool.query<{ status: string; error: string | null }>('SELECT status, error FROM runs WHERE id = $1', [runId])).rows[0];
    // A settled (done) run's articles go into the full-text index right after it is done: wait for that too, so that
    // tests comparing rows before and after see no indexing write in between.
    if (row && ['failed', 'cancelled'].includes(row.status)) return row;
    if (row?.status === 'done' && (await pendingSearch(ctx)) === 0) return row;
    if (Date.now() > deadline) {
      const pages = await ctx.pool.query('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [runId]);
      throw new Error(`run ${runId} not finished after ${timeoutMs} ms: ${row?.status}; pages ${JSON.stringify(pages.rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function pendingSearch(ctx: Pick<AppContext, 'pool'>): Promise<number> {
  return (await ctx.pool.query<{ n: number }>(pendingSearchCount())).rows[0]!.n;
}

/** A fingerprint of every row of the given tables (their xmin changes whenever a row is written). */
export async function tableSnapshot(ctx: Pick<AppContext, 'pool'>, tables: readonly string[]): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const table of tables) {
    const result = await ctx.pool.query<{ h: string }>(
      `SELECT md5(coalesce(string_agg(xmin::text || ':' || ctid::text, ',' ORDER BY ctid), '')) AS h FROM ${table}`,
    );
    snapshot[table] = `${result.rows[0]?.h}`;
  }
  return snapshot;
}

/** Backfills the test app's fixture site and waits for the run to end `done`. */
export async function backfillUntilDone(app: { ctx: AppContext; site: { url: string } }, timeoutMs?: number): Promise<BackfillStart> {
  const start = await startBackfill(app.ctx, app.site.url);
  expect(await waitForRunDone(app.ctx, start.runId, timeoutMs)).toMatchObject({ status: 'done' });
  return start;
}
