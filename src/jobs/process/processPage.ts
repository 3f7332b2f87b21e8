import { execute, queryOne } from '../../db/query.js';
import { type ProcessJobData } from '../../queues.js';
import * as q from '../../scheduler/runQueries.js';
import type { AppContext } from '../context.js';
import type { HeldPosts } from './loadPostInputs.js';
import { processPosts, type ProcessResult } from './processPosts.js';

/**
 * Processes the posts a fetched page stored, marks the page done in the same transaction, and settles the run
 * after its last page. `held`: the page's posts as this process stored them, not read back (see handOverPage).
 */
export async function processPage(ctx: AppContext, data: ProcessJobData, held?: HeldPosts): Promise<ProcessResult | { skipped: true }> {
  const [state, run] = await Promise.all([
    queryOne<q.PageStateRow>(ctx.pool, q.pageState(data.runId, data.page)),
    queryOne<q.RunRow>(ctx.pool, q.runById(data.runId)),
  ]);
  // A cancelled (or failed) run's leftover jobs are no-ops; `backfill --resume` re-enqueues what is left.
  if (!state || state.status !== 'fetched' || run?.status !== 'running') return { skipped: true };
  const result = await processPosts(ctx, data.siteId, state.wpIds ?? [], {
    held,
    inTransaction: async (tx) => void (await execute(tx, q.markPageProcessed(data.runId, data.page))),
  });
  await settleIfComplete(ctx, data.runId);
  return result;
}

/**
 * Enqueues the run's settle job once no page is left to fetch or process. Its id (run and pass) makes it
 * happen once per pass: a resumed run is a new pass, whose settle job the first pass's finished one must not
 * swallow.
 */
export async function settleIfComplete(ctx: AppContext, runId: number): Promise<void> {
  if (await queryOne(ctx.pool, q.runHasOpenPages(runId))) return;
  const run = await queryOne<{ passes: number }>(ctx.pool, q.runPasses(runId));
  if (!run) return;
  await ctx.queues.control.add('settle', { kind: 'settle', runId }, { jobId: ctx.queues.ids.settle(runId, run.passes) });
}
