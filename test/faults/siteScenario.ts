import { expectedStories } from '../helpers/expectedArticles.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished } from './faultHarness.js';
import { startBackfill } from '../../workers/startBackfill.js';

/** What a backfill of a misbehaving fixture site ended with. */
export interface SiteScenarioResult {
  status: string;
  error: string | null;
  expected: Set<string>;
  found: Set<string>;
  rawPosts: number;
  failures: Array<{ stage: string; reason: string; permanent: boolean }>;
  injected: Record<string, number>;
  lost: string[];
  extra: string[];
}

/** Backfills a fixture site with `faults` on its own database and compares the articles with the ground truth. */
export async function runSiteScenario(fault: string, options: { posts: number; faults: string; headersTimeoutMs?: number }): Promise<SiteScenarioResult> {
  const app = await startFaultApp({ label: 'site', posts: options.posts, faults: options.faults, headersTimeoutMs: options.headersTimeoutMs, workerOptions: { reconcileIntervalMs: 1_000 } });
  try {
    const { runId } = await startBackfill(app.ctx, app.siteUrl);
    const run = await waitForRunFinished(app, runId);
    const expected = new Set(expectedStories(app.site!.site).keys());
    const found = new Set((await app.ctx.pool.query<{ source_url: string }>('SELECT source_url FROM articles')).rows.map((row) => row.source_url));
    const rawPosts = (await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_posts WHERE status = 'live'`)).rows[0]!.n;
    const failures = (await app.ctx.pool.query<{ stage: string; reason: string; permanent: boolean }>('SELECT stage, reason, permanent FROM failures ORDER BY id')).rows;
    const stats = (await (await fetch(`${app.siteUrl}/__fixture/stats`)).json()) as { faults: Record<string, number> };
    const lost = [...expected].filter((url) => !found.has(url));
    const extra = [...found].filter((url) => !expected.has(url));
    await reportFault({ fault: `site: ${fault}`, runs: 1, postsExpected: options.posts, articlesFound: found.size, lost: lost.length, doubled: extra.length, note: `injected ${JSON.stringify(stats.faults)}; run ${run.status}${run.error ? ` (${run.error})` : ''}; ${failures.length} failures recorded` });
    return { ...run, expected, found, rawPosts, failures, injected: stats.faults, lost, extra };
  } finally {
    await app.close();
  }
}
