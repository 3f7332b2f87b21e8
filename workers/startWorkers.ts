import { DelayedError, UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import { execute } from '../src/db/query.js';
import { PermanentError, isTransient, reasonOf } from '../src/errors.js';
import { QUEUE_NAMES, redisConnection, type FetchJobData, type ProcessJobData } from '../src/queues.js';
import { SCHEDULE_REFRESH_MS, type SchedulerJobData } from '../src/scheduler/controlJobs.js';
import * as q from '../src/scheduler/runQueries.js';
import { backoffDelay } from './backoffDelay.js';
import type { AppContext } from '../src/jobs/context.js';
import { fetchPage } from '../src/jobs/fetch/fetchPage.js';
import { HostBusyError } from '../src/jobs/fetch/politeFetch.js';
import { processPage, settleIfComplete } from '../src/jobs/process/processPage.js';
import { reconcileQueues } from './reconcileQueues.js';
import { indexPendingSearch } from '../src/load/indexPendingSearch.js';
import { scheduleSources } from '../src/jobs/sync/scheduleSources.js';
import { settleRun } from '../src/jobs/settle/settleRun.js';
import { sweepSite } from '../src/jobs/sync/sweepSite.js';
import { syncSiteUnlessRunning } from '../src/jobs/sync/syncSite.js';

/** The roles one process can take; each can run in its own process and scale out. */
export const ROLES = ['scheduler', 'fetch', 'process', 'dashboard'] as const;
export type Role = (typeof ROLES)[number];

/** How often the scheduler rebuilds lost queue state from Postgres. */
export const RECONCILE_INTERVAL_MS = 15_000;
/** Articles indexed for search per reconcile tick while the pipeline is idle (a few seconds of Postgres work). */
const IDLE_SEARCH_INDEX_MAX = 5_000;
/** How long shutdown waits for active jobs before leaving them to be recovered as stalled (WPINGEST_SHUTDOWN_GRACE_MS). */
export const SHUTDOWN_GRACE_MS = 20_000;

/** Options of `startWorkers`; every field has a production default. */
export interface StartWorkersOptions {
  /** Concurrent fetch jobs in this process. @defaultValue config.fetchConcurrency */
  fetchConcurrency?: number;
  /** Concurrent process jobs in this process. @defaultValue config.processConcurrency */
  processConcurrency?: number;
  /** Concurrent control jobs (syncs, sweeps, settle passes) in this process. @defaultValue config.controlConcurrency */
  controlConcurrency?: number;
  /** Period of the scheduler's queue reconcile, in ms. @defaultValue RECONCILE_INTERVAL_MS (15 s) */
  reconcileIntervalMs?: number;
  /** How long a job's lock lives without renewal; a killed worker's jobs are recoverable after it. @defaultValue 30_000 (BullMQ) */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (locks that expired) and moves them back to wait, in ms. @defaultValue 30_000 (BullMQ) */
  stalledIntervalMs?: number;
  /** With both the fetch and process roles, process each fetched page in its fetch job, from memory. @defaultValue true */
  processFetched?: boolean;
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** Starts the BullMQ workers (and the scheduler's reconcile loop) for the given roles. */
export async function startWorkers(ctx: AppContext, roles: readonly Role[], options: StartWorkersOptions = {}): Promise<RunningWorkers> {
  const connection = redisConnection(ctx.config.redisUrl);
  const base = {
    connection,
    prefix: ctx.config.queuePrefix,
    settings: { backoffStrategy: (attempts: number, _type?: string, error?: Error) => backoffDelay(attempts, error) },
    ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
  };
  const workers: Worker[] = [];
  // A process that fetches and processes processes the pages it fetched itself, from memory (see handOverPage).
  const processHere = roles.includes('process') && (options.processFetched ?? true);
  if (roles.includes('fetch')) {
    workers.push(
      new Worker<FetchJobData>(
        QUEUE_NAMES.fetch,
        guard(ctx, 'fetch', (job, token, signal) => fetchPage(ctx, job.data, signal, { processHere })),
        { ...base, concurrency: options.fetchConcurrency ?? ctx.config.fetchConcurrency },
      ),
    );
  }
  if (roles.includes('process')) {
    workers.push(
      new Worker<ProcessJobData>(
        QUEUE_NAMES.process,
        guard(ctx, 'process', (job) => processPage(ctx, job.data)),
        { ...base, concurrency: options.processConcurrency ?? ctx.config.processConcurrency },
      ),
    );
  }
  let timer: NodeJS.Timeout | undefined;
  let scheduleTimer: NodeJS.Timeout | undefined;
  const stopping = new AbortController();
  if (roles.includes('scheduler')) {
    workers.push(
      new Worker<SchedulerJobData>(
        QUEUE_NAMES.control,
        guard(ctx, 'control', (job, _token, signal) => runControl(ctx, job.data, signal)),
        { ...base, concurrency: options.controlConcurrency ?? ctx.config.controlConcurrency },
      ),
    );
    const tick = () =>
      reconcileQueues(ctx).then(
        (queued) => (queued.fetch + queued.process === 0 ? indexWhileIdle(ctx, stopping.signal) : undefined),
        (error) => ctx.log.warn({ err: error }, 'reconcile failed; will retry'),
      );
    await tick();
    timer = setInterval(tick, options.reconcileIntervalMs ?? RECONCILE_INTERVAL_MS);
    // Sources added or removed with `wpingest source` take effect within one refresh, without a restart.
    const schedule = () =>
      scheduleSources(ctx).then(
        (changes) => void ((changes.upserted.length || changes.removed.length) && ctx.log.info(changes, 'source schedules updated')),
        (error) => ctx.log.warn({ err: error }, 'updating source schedules failed; will retry'),
      );
    await schedule();
    scheduleTimer = setInterval(schedule, SCHEDULE_REFRESH_MS);
  }
  for (const worker of workers) worker.on('error', (error) => ctx.log.error({ err: error, queue: worker.name }, 'worker error'));
  return {
    workers,
    close: async () => {
      stopping.abort();
      if (timer) clearInterval(timer);
      if (scheduleTimer) clearInterval(scheduleTimer);
      await Promise.all(workers.map((worker) => closeWithin(worker, ctx.config.shutdownGraceMs)));
    },
  };
}

/**
 * While no page of any run waits to be fetched or processed, articles stored since their last indexing go into the
 * full-text index (a bounded amount per tick; a settle pass indexes its run's articles as it ends).
 */
async function indexWhileIdle(ctx: AppContext, signal: AbortSignal): Promise<void> {
  try {
    const indexed = await indexPendingSearch(ctx.pool, { max: IDLE_SEARCH_INDEX_MAX, signal });
    if (indexed > 0) ctx.log.info({ indexed }, 'articles added to the search index');
  } catch (error) {
    ctx.log.warn({ err: error }, 'search indexing failed; will retry');
  }
}

async function runControl(ctx: AppContext, data: SchedulerJobData, signal?: AbortSignal): Promise<unknown> {
  if (data.kind === 'settle') return settleRun(ctx, data.runId);
  if (data.kind === 'sync') return (await syncSiteUnlessRunning(ctx, data.siteId, signal)) ?? { skipped: 'a sync of this site is already running' };
  if (data.kind === 'sweep') return sweepSite(ctx, data.siteId, signal);
  throw new UnrecoverableError(`unknown control job ${JSON.stringify(data)}`);
}

type Handler<T> = (job: Job<T>, token: string | undefined, signal: AbortSignal | undefined) => Promise<unknown>;

/**
 * Applies the retry policy that errors carry: a permanent error is recorded with its reason and the page
 * marked failed, never retried; a transient one is retried with backoff until the last attempt, which is
 * recorded the same way. Nothing fails silently.
 */
function guard<T extends { siteId?: number; runId?: number; page?: number }>(ctx: AppContext, stage: string, handler: Handler<T>): Processor<T> {
  return async (job, token, signal) => {
    const log = ctx.log.child({ stage, jobId: job.id, siteId: job.data.siteId, runId: job.data.runId, page: job.data.page, attempt: job.attemptsMade + 1 });
    const started = performance.now();
    try {
      const result = await handler(job, token, signal);
      log.debug({ ms: Math.round(performance.now() - started), result }, 'job done');
      return result;
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      if (error instanceof HostBusyError && token) {
        // Waiting for the host's rate limit is not a failure: back to delayed, no attempt used.
        log.debug({ retryAfterMs: error.retryAfterMs }, 'host at its rate limit; job delayed');
        await job.moveToDelayed(Date.now() + (error.retryAfterMs ?? 0), token);
        throw new DelayedError();
      }
      const permanent = !isTransient(error) || error instanceof PermanentError;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.warn({ err: error, permanent, lastAttempt }, 'job failed');
      if (!permanent && !lastAttempt) throw error;
      await recordFailure(ctx, stage, job.data, error, permanent);
      if (permanent) throw new UnrecoverableError(`${reasonOf(error)}: ${(error as Error).message}`);
      throw error;
    }
  };
}

async function recordFailure(
  ctx: AppContext,
  stage: string,
  data: { siteId?: number; runId?: number; page?: number },
  error: unknown,
  permanent: boolean,
): Promise<void> {
  const reason = reasonOf(error);
  await execute(
    ctx.pool,
    q.insertFailure({
      runId: data.runId ?? null,
      siteId: data.siteId ?? null,
      stage,
      page: data.page ?? null,
      wpId: null,
      reason,
      message: (error as Error).message ?? String(error),
      permanent,
    }),
  );
  if (data.runId !== undefined && data.page !== undefined) {
    await execute(ctx.pool, q.markPageFailed(data.runId, data.page, reason));
    await settleIfComplete(ctx, data.runId);
  }
}

async function closeWithin(worker: Worker, graceMs: number): Promise<void> {
  // After the grace period, a forced close; if even that hangs (its Redis connection went silent), give up on it
  // after another grace period: the jobs it held are recovered as stalled by another worker.
  let forceTimer: NodeJS.Timeout | undefined;
  let giveUpTimer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    forceTimer = setTimeout(() => void worker.close(true).then(resolve, resolve), graceMs);
    giveUpTimer = setTimeout(resolve, 2 * graceMs);
    giveUpTimer.unref();
  });
  await Promise.race([worker.close().catch(() => undefined), forced]);
  clearTimeout(forceTimer);
  clearTimeout(giveUpTimer);
}
