import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSource } from '../../src/scheduler/sourceQueries.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { SHUTDOWN_GRACE_MS } from '../../workers/startWorkers.js';
import { expectedStories } from '../helpers/expectedArticles.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';
import { cliEnv, eventually, spawnCli } from '../helpers/serviceHelpers.js';

const POSTS = 200;
const PER_PAGE = 10;
const PAGES = POSTS / PER_PAGE;
/** Slack on top of the drain grace for process start-up and closing connections. */
const EXIT_SLACK_MS = 10_000;

describe('`wpingest run` as a child process: SIGTERM mid-backfill', () => {
  let app: TestApp;
  let runId: number;
  let env: NodeJS.ProcessEnv;
  const children: Array<ReturnType<typeof spawnCli>> = [];

  beforeAll(async () => {
    // No workers in the test process: only the child does the work.
    app = await startTestApp({ label: 'shutdown', posts: POSTS, roles: [] });
    const { siteId } = await registerSite(app.ctx, app.site.url, PER_PAGE);
    // Slow enough that SIGTERM lands mid-run.
    await app.ctx.pool.query(configureSource(siteId, { ratePerS: 4 }));
    env = cliEnv(app.config, { WPINGEST_LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await app?.close();
  });

  const pageCounts = async () => {
    const rows = (
      await app.ctx.pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1', [runId])
    ).rows;
    return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Record<string, number | undefined>;
  };
  const startRun = () => {
    const child = spawnCli(['run', '--roles', 'fetch,process,scheduler'], env);
    children.push(child);
    return child;
  };
  const exitOf = (child: ReturnType<typeof spawnCli>) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });

  it('drains and exits 0 within the grace period', async () => {
    const child = startRun();
    runId = (await startBackfill(app.ctx, app.site.url)).runId;
    await eventually('a few pages processed', async () => ((await pageCounts()).processed ?? 0) >= 3, 90_000);
    const sent = performance.now();
    child.kill('SIGTERM');
    const code = await exitOf(child);
    const tookMs = performance.now() - sent;
    console.info(`shutdown: exit code ${code} ${Math.round(tookMs)} ms after SIGTERM`);
    expect(code, child.output()).toBe(0);
    expect(tookMs).toBeLessThan(SHUTDOWN_GRACE_MS + EXIT_SLACK_MS);
    expect(child.output()).toContain('stopped cleanly');
    const counts = await pageCounts();
    // It really stopped mid-run, and nothing it had in hand was marked failed.
    expect((counts.pending ?? 0) + (counts.fetched ?? 0)).toBeGreaterThan(0);
    expect(counts.failed).toBeUndefined();
  });

  it('finishes the run after a restart, with no page or post lost', async () => {
    const child = startRun();
    expect(await waitForRunDone(app.ctx, runId, 120_000)).toMatchObject({ status: 'done', error: null });
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(await pageCounts()).toEqual({ processed: PAGES });
    const raw = await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_posts WHERE status = 'live'`);
    expect(raw.rows[0]!.n).toBe(POSTS);
    const posts = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts');
    expect(posts.rows[0]!.n).toBe(POSTS);
    const articles = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
    expect(articles.rows[0]!.n).toBe(expectedStories(app.site.site).size);
    const failures = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM failures');
    expect(failures.rows[0]!.n).toBe(0);
  });
});
