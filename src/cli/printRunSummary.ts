import type { Pool } from '../db/createPool.js';
import { readDedupeFigures } from '../load/readDedupeFigures.js';
import { output } from './output.js';
import type { RunProgressRow } from './waitForRun.js';

/** Prints the end-of-run summary: what was fetched, what was stored, what dedupe saved, what failed. */
export async function printRunSummary(pool: Pool, run: RunProgressRow, siteId: number): Promise<void> {
  const figures = await readDedupeFigures(pool, siteId);
  const failures = await pool.query<{ stage: string; reason: string; n: number }>(
    `SELECT stage, reason, count(*)::int AS n FROM failures WHERE run_id = $1 AND permanent GROUP BY 1, 2 ORDER BY 3 DESC`,
    [run.id],
  );
  const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : 0;
  const rate = seconds > 0 ? Math.round(run.postsFetched / seconds) : 0;
  const rows: Array<[string, string | number]> = [
    ['run', `${run.id} (${run.status})${run.error ? `: ${run.error}` : ''}`],
    ['site', run.siteUrl],
    ['pages', `${run.pagesProcessed}/${run.pagesPlanned} processed, ${run.pagesFailed} failed`],
    ['posts fetched', run.postsFetched],
    ['time', `${seconds.toFixed(1)} s (${rate} posts/s)`],
    ['articles (site)', figures.deletedArticles > 0 ? `${figures.articles} (and ${figures.deletedArticles} deleted on the site)` : figures.articles],
    ['duplicate posts merged', figures.duplicatePostsMerged],
    ['teasers stored', figures.teasersStored],
    ['teaser occurrences collapsed', figures.teaserOccurrencesCollapsed],
    ['boilerplate removed', `${(figures.boilerplateBytesRemoved / 1e6).toFixed(1)} MB of ${(figures.contentBytes / 1e6).toFixed(1)} MB`],
    ['rejected posts', figures.rejectedPosts],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  output.line('');
  for (const [label, value] of rows) output.line(`${label.padEnd(width)}  ${value}`);
  for (const failure of failures.rows) output.line(`${'failed'.padEnd(width)}  ${failure.n} × ${failure.stage}/${failure.reason}`);
}
