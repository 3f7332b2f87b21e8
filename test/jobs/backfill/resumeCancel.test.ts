import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueuePages } from '../../../src/jobs/backfill/enqueuePages.js';
import { processPage } from '../../../src/jobs/process/processPage.js';
import { registerSite } from '../../../src/jobs/site/registerSite.js';
import { cancelRun, resumeRun } from '../../../src/jobs/backfill/resumeRun.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../../workers/startWorkers.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';
import { cliEnv, eventually, runCli } from '../../helpers/serviceHelpers.js';

const POSTS = 100;
const PER_PAGE = 10;

describe('backfill --cancel and --resume', () => {
  let app: TestApp;
  let workers: RunningWorkers | undefined;
  let siteId: number;
  let runId: number;

  beforeAll(async () => {
    app = await startTestApp({ label: 'resume', posts: POSTS, roles: [] });
    siteId = (await registerSite(app.ctx, app.site.url, PER_PAGE)).siteId;
    runId = (await startBackfill(app.ctx, app.site.url)).runId;
  });
  afterAll(async () => {
    await workers?.close();
    await app?.close();
  });

  const rawPosts = async () => (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_posts')).rows[0]!.n;

  it('cancels a run: queued jobs are removed and leftover jobs are no-ops', async () => {
    const cancelled = await cancelRun(app.ctx, runId);
    expect(cancelled.removedJobs).toBe(POSTS / PER_PAGE);
    expect((await app.ctx.pool.query('SELECT status FROM runs WHERE id = $1', [runId])).rows[0]).toEqual({ status: 'cancelled' });
    // A job that was already running (here: enqueued again) fetches nothing for a cancelled run.
    await enqueuePages(app.ctx, siteId, runId, [1]);
    workers = await startWorkers(app.ctx, ['scheduler', 'fetch', 'process']);
    await eventually('the leftover job to complete', async () => (await app.ctx.queues.fetch.getJobCounts('completed')).completed === 1, 20_000);
    expect(await rawPosts()).toBe(0);
    // processPage skips a cancelled run's page too.
    expect(await processPage(app.ctx, { siteId, runId, page: 1 })).toEqual({ skipped: true });
    await expect(cancelRun(app.ctx, runId)).rejects.toThrow(`run ${runId} is already cancelled`);
  });

  it('resumes the cancelled run and completes it, even where a finished job held a page id', async () => {
    const resumed = await resumeRun(app.ctx, runId);
    expect(resumed.fetchJobs).toBe(POSTS / PER_PAGE);
    expect(await waitForRunDone(app.ctx, runId)).toMatchObject({ status: 'done', error: null });
    expect(await rawPosts()).toBe(POSTS);
    const pages = await app.ctx.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [
      runId,
    ]);
    expect(pages.rows).toEqual([{ status: 'processed', n: POSTS / PER_PAGE }]);
    await expect(resumeRun(app.ctx, runId)).rejects.toThrow('nothing to resume');
  });

  it('reports bad runs on the command line with exit status 2', async () => {
    const env = cliEnv(app.config);
    const missing = await runCli(['backfill', '--resume', '999999'], env);
    expect(missing.code).toBe(2);
    expect(missing.output.trim()).toBe('wpingest: run 999999 does not exist');
    const both = await runCli(['backfill', app.site.url, '--cancel', String(runId)], env);
    expect(both.code).toBe(2);
  });
});
