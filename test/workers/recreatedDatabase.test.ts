import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { startFixtureSite } from '../../src/fixtureSite/index.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { startWorkers } from '../../workers/startWorkers.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';

const POSTS = 150;

/**
 * A database dropped and created again under the same name restarts its run ids at 1 while Redis still holds the
 * finished jobs of the old one (kept for the dashboards). The new run's jobs must not be mistaken for them.
 */
it('backfills again after the database is dropped and re-created while Redis keeps the old jobs', async () => {
  const db = await createTestDatabase('recreated');
  const site = await startFixtureSite({ port: 0, posts: POSTS, seed: 'recreated', permalinks: 'pretty' });
  const config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_LOG_LEVEL: 'warn' });
  const runOnce = async () => {
    const ctx = await createContext(config, createLogger('silent'));
    const workers = await startWorkers(ctx, ['scheduler', 'fetch', 'process']);
    try {
      const start = await startBackfill(ctx, site.url);
      const run = await waitForRunDone(ctx, start.runId, 30_000);
      const articles = await ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      const finished = await ctx.queues.fetch.getJobCountByTypes('completed');
      return { runId: start.runId, status: run.status, articles: articles.rows[0]!.n, finished };
    } finally {
      await workers.close();
      await ctx.close();
    }
  };
  try {
    const first = await runOnce();
    expect(first).toMatchObject({ runId: 1, status: 'done' });
    expect(first.articles).toBeGreaterThan(0);

    await db.drop();
    await migrate(db.databaseUrl);
    const second = await runOnce();
    expect(second).toMatchObject({ runId: 1, status: 'done', articles: first.articles });
    // Both runs' fetch jobs are kept side by side: the second run's jobs were added, not swallowed.
    expect(second.finished).toBe(2 * first.finished);
  } finally {
    await site.close();
    await db.drop();
    await obliterateQueues(db.queuePrefix);
  }
}, 90_000);
