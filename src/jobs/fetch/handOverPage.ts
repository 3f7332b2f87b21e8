import type { Job } from 'bullmq';
import type { ProcessJobData } from '../../queues.js';
import type { AppContext } from '../context.js';
import { processPage } from '../process/processPage.js';
import type { HeldPosts } from '../process/loadPostInputs.js';

/**
 * How long the process job of a page this process processes itself waits before it runs on its own. It only
 * has to outlast the processing here; it runs when this process died (or failed) on the way, and finds the
 * page already processed otherwise.
 */
export const HELD_PAGE_FALLBACK_DELAY_MS = 60_000;

/**
 * Hands a stored page on to processing. A process with the process role processes it at once, from the posts it
 * still holds parsed (`held`, when given), instead of another process reading the raw store back; the raw store
 * stays the source of truth. Its process job is added first, delayed: the scheduler's reconcile then sees the
 * page's job and adds none, and if this process dies before the page is processed, the job runs after the
 * delay (or the stalled fetch job, run again elsewhere, comes here again). If processing fails here, the job is
 * promoted and the process queue retries it, records its failure and so on, as for any page.
 */
export async function handOverPage(ctx: AppContext, data: ProcessJobData, processHere: boolean, held?: HeldPosts): Promise<void> {
  const jobId = ctx.queues.ids.process(data);
  if (!processHere) {
    await ctx.queues.process.add('process', data, { jobId });
    return;
  }
  const job = await ctx.queues.process.add('process', data, { jobId, delay: HELD_PAGE_FALLBACK_DELAY_MS });
  try {
    await processPage(ctx, data, held);
  } catch (error) {
    ctx.log.warn(
      { err: error, siteId: data.siteId, runId: data.runId, page: data.page },
      'processing the page where it was fetched failed; the process queue takes it over',
    );
    await promote(job);
    return;
  }
  // Not needed any more: it would only find the page processed. One held elsewhere (active, locked) stays.
  await job.remove().catch(() => undefined);
}

async function promote(job: Job<ProcessJobData>): Promise<void> {
  // A job that is not delayed (already waiting or running elsewhere) needs nothing.
  if ((await job.getState()) === 'delayed') await job.promote().catch(() => undefined);
}
