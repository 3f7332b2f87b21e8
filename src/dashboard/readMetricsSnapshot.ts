import type { Pool } from '../db/createPool.js';
import type { Queue } from 'bullmq';
import { RUN_PAGES_METRIC_RUNS, runPageCounts, syncCursorLag, tableCounts } from './dashboardQueries.js';
import { redactUrl } from '../redactUrl.js';
import type { MetricsSnapshot } from './metrics.js';
import { readQueueDepths } from './readQueueDepths.js';

/** Reads everything the scrape-time gauges show, from Postgres and the queues, in parallel. */
export async function readMetricsSnapshot(pool: Pool, queues: readonly Queue[]): Promise<MetricsSnapshot> {
  const [counts, lag, pages, depths] = await Promise.all([
    pool.query(tableCounts()),
    pool.query(syncCursorLag()),
    pool.query(runPageCounts(RUN_PAGES_METRIC_RUNS)),
    readQueueDepths(queues),
  ]);
  const row = counts.rows[0] as Record<string, string | number>;
  return {
    jobs: depths.flatMap((depth) => Object.entries(depth.counts).map(([state, count]) => ({ queue: depth.queue, state, count }))),
    posts: Number(row.posts),
    articles: Number(row.articles),
    deletedArticles: Number(row.deletedArticles),
    teasers: Number(row.teasers),
    duplicatePostsMerged: Number(row.duplicatePostsMerged),
    syncCursorLag: (lag.rows as { site: string; seconds: number }[]).map((r) => ({ site: redactUrl(r.site), seconds: Number(r.seconds) })),
    runPages: pages.rows as MetricsSnapshot['runPages'],
  };
}
