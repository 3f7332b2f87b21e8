import type { Queue } from 'bullmq';
import { execute, queryAll, queryOne } from '../../db/query.js';
import { withTransaction } from '../../db/withTransaction.js';
import { ConfigError } from '../../errors.js';
import * as q from '../../scheduler/runQueries.js';
import { cancelRun as cancelRunQuery, openPages, reopenFailedPages, reopenRun } from '../../scheduler/resumeQueries.js';
import { siteUrl } from '../../scheduler/siteQueries.js';
import type { AppContext } from '../context.js';

/**
 * Resumes a failed, cancelled or stalled backfill (or one that finished with failed pages): failed pages are
 * reopened, the run is set running, and every unfinished page gets its job again. Finished jobs that still
 * hold a page's deterministic id are removed first, or BullMQ would silently ignore the new one.
 */
export async function resumeRun(
  ctx: AppContext,
  runId: number,
): Promise<{ runId: number; siteId: number; siteUrl: string; fetchJobs: number; processJobs: number }> {
  const run = await readRun(ctx, runId);
  if (run.kind !== 'backfill') throw new ConfigError(`run ${runId} is a ${run.kind}, not a backfill: start a new sync instead`);
  const failed = (await queryOne<{ n: number }>(ctx.pool, q.failedPageCount(runId)))!.n;
  if (run.status === 'done' && failed === 0) throw new ConfigError(`run ${runId} is done with no failed pages: nothing to resume`);
  let pass: number;
  try {
    pass = await withTransaction(ctx.pool, async (tx) => {
      await execute(tx, reopenFailedPages(runId));
      return (await queryOne<{ passes: number }>(tx, reopenRun(runId)))!.passes;
    });
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const active = await queryOne<q.RunIdRow>(ctx.pool, q.activeBackfill(run.siteId));
    throw new ConfigError(`another backfill of this site is running (run ${active?.id ?? '?'}): cancel it or wait for it first`);
  }
  const pages = await queryAll<{ page: number; status: 'pending' | 'fetched' }>(ctx.pool, openPages(runId));
  const fetch = pages.filter((p) => p.status === 'pending').map((p) => ({ siteId: run.siteId, runId, page: p.page }));
  const process = pages.filter((p) => p.status === 'fetched').map((p) => ({ siteId: run.siteId, runId, page: p.page }));
  await requeue(
    ctx.queues.fetch,
    fetch.map((data) => ({ name: 'fetch', data, opts: { jobId: ctx.queues.ids.fetch(data) } })),
  );
  await requeue(
    ctx.queues.process,
    process.map((data) => ({ name: 'process', data, opts: { jobId: ctx.queues.ids.process(data) } })),
  );
  // Nothing left to fetch or process: the settle pass finishes the run.
  if (pages.length === 0)
    await requeue(ctx.queues.control, [{ name: 'settle', data: { kind: 'settle', runId }, opts: { jobId: ctx.queues.ids.settle(runId, pass) } }]);
  ctx.log.info({ runId, fetch: fetch.length, process: process.length }, 'run resumed');
  const site = await queryOne<{ url: string }>(ctx.pool, siteUrl(run.siteId));
  return { runId, siteId: run.siteId, siteUrl: site?.url ?? '', fetchJobs: fetch.length, processJobs: process.length };
}

/** Cancels a run: it is marked cancelled at once, its waiting jobs are removed, and any still running become no-ops. */
export async function cancelRun(ctx: AppContext, runId: number): Promise<{ runId: number; removedJobs: number }> {
  const run = await readRun(ctx, runId);
  const cancelled = await execute(ctx.pool, cancelRunQuery(runId));
  if (!cancelled) throw new ConfigError(`run ${runId} is already ${run.status}`);
  const pages = await queryAll<{ page: number }>(ctx.pool, openPages(runId));
  let removedJobs = 0;
  for (const { page } of pages) {
    const data = { siteId: run.siteId, runId, page };
    // Active (locked) jobs cannot be removed; fetchPage and processPage skip them once they see the status.
    removedJobs += (await removeIfIdle(ctx.queues.fetch, ctx.queues.ids.fetch(data))) + (await removeIfIdle(ctx.queues.process, ctx.queues.ids.process(data)));
  }
  ctx.log.info({ runId, removedJobs }, 'run cancelled');
  return { runId, removedJobs };
}

async function readRun(ctx: AppContext, runId: number): Promise<q.RunRow> {
  const run = await queryOne<q.RunRow>(ctx.pool, q.runById(runId));
  if (!run) throw new ConfigError(`run ${runId} does not exist`);
  return run;
}

/** Removes a job unless it is running (locked); 1 when one was removed. */
async function removeIfIdle<T>(queue: Queue<T>, jobId: string): Promise<number> {
  const job = await queue.getJob(jobId);
  if (!job || (await job.isActive())) return 0;
  return job.remove().then(
    () => 1,
    () => 0,
  );
}

type BulkJob<T> = { name: string; data: T; opts: { jobId: string } };

/** Adds jobs whose ids may still belong to finished (completed or failed) jobs, which are removed first. */
async function requeue<T>(queue: Queue<T>, jobs: Array<BulkJob<T>>): Promise<void> {
  for (const job of jobs) {
    const old = await queue.getJob(job.opts.jobId);
    if (!old) continue;
    const state = await old.getState();
    if (state === 'completed' || state === 'failed') await old.remove();
  }
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500) as Parameters<Queue<T>['addBulk']>[0]);
}
