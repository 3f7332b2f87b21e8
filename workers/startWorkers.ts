import { UnrecoverableError, Worker, type Job, type Processor } from 'bullmq';
import { PermanentError, isTransient, reasonOf } from '../src/errors.js';
import { QUEUE_NAMES, redisConnection, type ControlJobData, type FetchJobData, type ProcessJobData } from '../src/queues.js';
import * as q from '../src/scheduler/runQueries.js';
import { backoffDelay } from './backoffDelay.js';
import type { AppContext } from './context.js';
import { fetchPage } from './fetchPage.js';
import { processPage, settleIfComplete } from './processPage.js';
import { reconcileQueues } from './reconcileQueues.js';
import { settleRun } from './settleRun.js';

/** The roles one process can take; each can run in its own process and scale out. */
export const ROLES = ['scheduler', 'fetch', 'process', 'dashboard'] as const;
export type Role = (typeof ROLES)[number];

/** How often the scheduler rebuilds lost queue state from Postgres. */
export const RECONCILE_INTERVAL_MS = 15_000;
/** How long shutdown waits for active jobs before leaving them to be recovered as stalled. */
export const SHUTDOWN_GRACE_MS = 20_000;

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/** Starts the BullMQ workers (and the scheduler's reconcile loop) for the given roles. */
export async function startWorkers(ctx: AppContext, roles: readonly Role[], options: { fetchConcurrency?: number; processConcurrency?: number } = {}): Promise<RunningWorkers> {
  const connection = redisConnection(ctx.config.redisUrl);
  const base = { connection, prefix: ctx.config.queuePrefix, settings: { backoffStrategy: (attempts: number, _type?: string, error?: Error) => backoffDelay(attempts, error) } };
  const workers: Worker[] = [];
  if (roles.includes('fetch')) {
    workers.push(new Worker<FetchJobData>(QUEUE_NAMES.fetch, guard(ctx, 'fetch', (job, token, signal) => fetchPage(ctx, job.data, signal)), { ...base, concurrency: options.fetchConcurrency ?? ctx.config.fetchConcurrency }));
  }
  if (roles.includes('process')) {
    workers.push(new Worker<ProcessJobData>(QUEUE_NAMES.process, guard(ctx, 'process', (job) => processPage(ctx, job.data)), { ...base, concurrency: options.processConcurrency ?? ctx.config.processConcurrency }));
  }
  let timer: NodeJS.Timeout | undefined;
  if (roles.includes('scheduler')) {
    workers.push(new Worker<ControlJobData>(QUEUE_NAMES.control, guard(ctx, 'control', (job) => runControl(ctx, job.data)), { ...base, concurrency: 1 }));
    const tick = () => reconcileQueues(ctx).catch((error) => ctx.log.warn({ err: error }, 'reconcile failed; will retry'));
    await tick();
    timer = setInterval(tick, RECONCILE_INTERVAL_MS);
  }
  for (const worker of workers) worker.on('error', (error) => ctx.log.error({ err: error, queue: worker.name }, 'worker error'));
  return {
    workers,
    close: async () => {
      if (timer) clearInterval(timer);
      await Promise.all(workers.map((worker) => closeWithin(worker, SHUTDOWN_GRACE_MS)));
    },
  };
}

async function runControl(ctx: AppContext, data: ControlJobData): Promise<unknown> {
  if (data.kind === 'settle') return settleRun(ctx, data.runId);
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

async function recordFailure(ctx: AppContext, stage: string, data: { siteId?: number; runId?: number; page?: number }, error: unknown, permanent: boolean): Promise<void> {
  const reason = reasonOf(error);
  await ctx.pool.query(q.insertFailure({ runId: data.runId ?? null, siteId: data.siteId ?? null, stage, page: data.page ?? null, wpId: null, reason, message: (error as Error).message ?? String(error), permanent }));
  if (data.runId !== undefined && data.page !== undefined) {
    await ctx.pool.query(q.markPageFailed(data.runId, data.page, reason));
    await settleIfComplete(ctx, data.runId);
  }
}

async function closeWithin(worker: Worker, graceMs: number): Promise<void> {
  let timeout: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timeout = setTimeout(() => void worker.close(true).then(resolve, resolve), graceMs);
  });
  await Promise.race([worker.close(), forced]);
  clearTimeout(timeout);
}
