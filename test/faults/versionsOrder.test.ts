import { describe, expect, it } from 'vitest';
import { startFixtureSite } from '../../src/fixtureSite/index.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { compareDigests, databaseDigest, reportFault, type DatabaseDigest } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished } from './faultHarness.js';

const POSTS = 500;

/** A backfill of `siteUrl` with the given concurrency: pages finish in another order with each setting. */
async function backfill(label: string, siteUrl: string, concurrency: number): Promise<{ digest: DatabaseDigest; versions: number }> {
  const app = await startFaultApp({
    label,
    posts: 0,
    siteUrl,
    workerOptions: { fetchConcurrency: concurrency, processConcurrency: concurrency, reconcileIntervalMs: 1_000 },
  });
  try {
    await registerSite(app.ctx, siteUrl, 10);
    const { runId } = await startBackfill(app.ctx, siteUrl);
    await waitForRunFinished(app, runId);
    const versions = (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_versions')).rows[0]!.n;
    return { digest: await databaseDigest(app.ctx.pool), versions };
  } finally {
    await app.close();
  }
}

describe('two identical runs processed in different orders', () => {
  it('end with the same article versions', async () => {
    const site = await startFixtureSite({ port: 0, posts: POSTS, seed: 'versions', permalinks: 'pretty', faults: 'slow:ms=200:p=0.3' });
    try {
      const one = await backfill('versions1', site.url, 1);
      const four = await backfill('versions4', site.url, 4);
      const comparison = compareDigests(one.digest, four.digest);
      await reportFault({
        fault: 'two identical runs (concurrency 1 and 4)',
        runs: 2,
        postsExpected: POSTS,
        articlesFound: comparison.found,
        lost: comparison.lost.length,
        doubled: comparison.doubled.length,
        unattended: true,
        note: `article_versions rows ${one.versions} and ${four.versions}; ${comparison.other.length} other differences`,
      });
      expect(four.versions).toBe(one.versions);
      expect(comparison.other).toEqual([]);
      expect(comparison.lost).toEqual([]);
      expect(comparison.doubled).toEqual([]);
    } finally {
      await site.close();
    }
  }, 300_000);
});
