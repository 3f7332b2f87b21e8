import type { AppContext } from '../context.js';

/** Jobs added per Redis round trip. */
const ENQUEUE_BATCH = 500;

/** Enqueues fetch jobs for pages of a run; deterministic ids make a repeat a no-op. */
export async function enqueuePages(ctx: Pick<AppContext, 'queues'>, siteId: number, runId: number, pages: readonly number[]): Promise<void> {
  for (let start = 0; start < pages.length; start += ENQUEUE_BATCH) {
    const jobs = pages.slice(start, start + ENQUEUE_BATCH).map((page) => {
      const data = { siteId, runId, page };
      return { name: 'fetch', data, opts: { jobId: ctx.queues.ids.fetch(data) } };
    });
    await ctx.queues.fetch.addBulk(jobs);
  }
}
