import type { Queue } from 'bullmq';
import { queryAll } from '../src/db/query.js';
import * as q from '../src/scheduler/runQueries.js';
import type { AppContext } from '../src/jobs/context.js';

/**
 * Rebuilds queue state from Postgres: every unfinished page of a running run gets its job (deterministic
 * ids make existing ones no-ops), and finished runs get their settle job. This is what makes losing Redis
 * lose nothing.
 */
export async function reconcileQueues(ctx: AppContext): Promise<{ fetch: number; process: number; settle: number }> {
  const pages = await queryAll<q.UnfinishedPageRow>(ctx.pool, q.unfinishedPages());
  const fetchJobs = pages
    .filter((p) => p.status === 'pending')
    .map(({ siteId, runId, page }) => ({ name: 'fetch', data: { siteId, runId, page }, opts: { jobId: ctx.queues.ids.fetch({ siteId, runId, page }) } }));
  const processJobs = pages
    .filter((p) => p.status === 'fetched')
    .map(({ siteId, runId, page }) => ({ name: 'process', data: { siteId, runId, page }, opts: { jobId: ctx.queues.ids.process({ siteId, runId, page }) } }));
  for (let i = 0; i < fetchJobs.length; i += 500) await ctx.queues.fetch.addBulk(fetchJobs.slice(i, i + 500));
  for (let i = 0; i < processJobs.length; i += 500) await ctx.queues.process.addBulk(processJobs.slice(i, i + 500));
  await reviveFailedJobs(
    ctx.queues.fetch,
    fetchJobs.map((job) => job.opts.jobId),
  );
  await reviveFailedJobs(
    ctx.queues.process,
    processJobs.map((job) => job.opts.jobId),
  );
  const ready = await queryAll<q.RunPassRow>(ctx.pool, q.runsReadyToSettle());
  const settling = await queryAll<q.RunPassRow>(ctx.pool, q.settlingRuns());
  for (const run of [...ready, ...settling])
    await ctx.queues.control.add('settle', { kind: 'settle', runId: run.id }, { jobId: ctx.queues.ids.settle(run.id, run.passes) });
  return { fetch: fetchJobs.length, process: processJobs.length, settle: ready.length + settling.length };
}

/**
 * A job that failed for good while its page stayed unfinished (its failure could not be recorded because
 * Postgres was down at its last attempt, or it stalled too often) keeps its deterministic id in the failed
 * set, which turns `add` into a no-op and would leave the run unfinished forever: retry it instead.
 */
async function reviveFailedJobs(queue: Queue, ids: readonly string[]): Promise<number> {
  let revived = 0;
  for (const id of ids) {
    if ((await queue.getJobState(id)) !== 'failed') continue;
    await (await queue.getJob(id))?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    revived++;
  }
  return revived;
}
