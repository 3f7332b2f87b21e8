import type { Pool } from '../db/createPool.js';
import { queryAll, queryOne } from '../db/query.js';
import type { Queue } from 'bullmq';
import { RUN_PAGES_METRIC_RUNS, runPageCounts, syncCursorLag, tableCounts } from './dashboardQueries.js';
import { redactUrl } from '../redactUrl.js';
import type { MetricsSnapshot } from './metrics.js';
import { readQueueDepths } from './readQueueDepths.js';

/** Reads everything the scrape-time gauges show, from Postgres and the queues, in parallel. */
export async function readMetricsSnapshot(pool: Pool, queues: readonly Queue[]): Promise<MetricsSnapshot> {
  const [counts, lag, pages, depths] = await Promise.all([
    queryOne<Record<string, string | number>>(pool, tableCounts()),
    queryAll<{ site: string; seconds: number }>(pool, syncCursorLag()),
    queryAll<MetricsSnapshot['runPages'][number]>(pool, runPageCounts(RUN_PAGES_METRIC_RUNS)),
    readQueueDepths(queues),
  ]);
  // Subqueries only, no FROM: always one row.
  const row = counts!;
  return {
    jobs: depths.flatMap((depth) => Object.entries(depth.counts).map(([state, count]) => ({ queue: depth.queue, state, count }))),
    posts: Number(row.posts),
    articles: Number(row.articles),
    deletedArticles: Number(row.deletedArticles),
    emptyBodies: Number(row.emptyBodies),
    searchPending: Number(row.searchPending),
    teasers: Number(row.teasers),
    duplicatePostsMerged: Number(row.duplicatePostsMerged),
    syncCursorLag: lag.map((r) => ({ site: redactUrl(r.site), seconds: Number(r.seconds) })),
    runPages: pages,
  };
}
