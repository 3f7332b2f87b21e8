import { expectedStories } from '../helpers/expectedArticles.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished } from './faultHarness.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';

/** What a backfill of a misbehaving fixture site ended with. */
export interface SiteScenarioResult {
  status: string;
  error: string | null;
  expected: Set<string>;
  found: Set<string>;
  rawPosts: number;
  injected: Record<string, number>;
  lost: string[];
  extra: string[];
  plannedPages: number;
  failures: Array<{ stage: string; reason: string; permanent: boolean; wp_id: number | null; message: string }>;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Backfills a fixture site with `faults` on its own database and compares the articles with the ground truth. */
export async function runSiteScenario(
  fault: string,
  options: { posts: number; faults: string; headersTimeoutMs?: number; perPage?: number; env?: Record<string, string> },
): Promise<SiteScenarioResult> {
  const app = await startFaultApp({
    label: 'site',
    posts: options.posts,
    faults: options.faults,
    headersTimeoutMs: options.headersTimeoutMs,
    workerOptions: { reconcileIntervalMs: 1_000 },
    env: options.env,
  });
  try {
    const started = Date.now();
    if (options.perPage) await registerSite(app.ctx, app.siteUrl, options.perPage);
    const { runId } = await startBackfill(app.ctx, app.siteUrl);
    const run = await waitForRunFinished(app, runId);
    const expected = new Set(expectedStories(app.site!.site).keys());
    const found = new Set((await app.ctx.pool.query<{ source_url: string }>('SELECT source_url FROM articles')).rows.map((row) => row.source_url));
    const rawPosts = (await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_posts WHERE status = 'live'`)).rows[0]!.n;
    const failures = (
      await app.ctx.pool.query<{ stage: string; reason: string; permanent: boolean; wp_id: number | null; message: string }>(
        'SELECT stage, reason, permanent, wp_id, message FROM failures ORDER BY id',
      )
    ).rows;
    const plannedPages = (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM run_pages WHERE run_id = $1', [runId])).rows[0]!.n;
    const tookMs = Date.now() - started;
    // A story whose every post was rejected with a recorded reason is not lost: it is refused, and says why.
    const refused = new Set(failures.map((f) => f.wp_id).filter((id): id is number => id !== null));
    const stats = (await (await fetch(`${app.siteUrl}/__fixture/stats`)).json()) as { faults: Record<string, number> };
    const stories = expectedStories(app.site!.site);
    const lost = [...expected].filter((url) => !found.has(url) && !stories.get(url)!.wpIds.every((id) => refused.has(id)));
    const extra = [...found].filter((url) => !expected.has(url));
    await reportFault({
      fault: `site: ${fault}`,
      runs: 1,
      postsExpected: options.posts,
      articlesFound: found.size,
      lost: lost.length,
      doubled: extra.length,
      unattended: run.status === 'done',
      recoverMs: tookMs,
      note: `injected ${JSON.stringify(stats.faults)}; run ${run.status}${run.error ? ` (${run.error})` : ''}; ${plannedPages} pages planned; failures: ${JSON.stringify(countBy(failures.map((f) => f.reason)))}`,
    });
    return { ...run, expected, found, rawPosts, failures, injected: stats.faults, lost, extra, plannedPages };
  } finally {
    await app.close();
  }
}
