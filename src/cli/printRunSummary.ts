import type { Pool } from '../db/createPool.js';
import { queryAll } from '../db/query.js';
import { readDedupeFigures } from '../load/readDedupeFigures.js';
import { formatBytes, formatCount, formatDuration } from '../dashboard/formatValues.js';
import { permanentFailuresOfRun } from './cliQueries.js';
import { output } from './output.js';
import type { RunProgressRow } from './waitForRun.js';

/** Prints the end-of-run summary: what was fetched, what was stored, what dedupe saved, what failed. */
export async function printRunSummary(pool: Pool, run: RunProgressRow, siteId: number): Promise<void> {
  const figures = await readDedupeFigures(pool, siteId);
  const failures = await queryAll<{ stage: string; reason: string; n: number }>(pool, permanentFailuresOfRun(run.id));
  const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : 0;
  const rate = seconds > 0 ? Math.round(run.postsFetched / seconds) : 0;
  const rows: Array<[string, string | number]> = [
    [
      'run',
      `${run.id} (${run.status === 'done' && run.pagesFailed > 0 ? `done with ${run.pagesFailed} failed page${run.pagesFailed === 1 ? '' : 's'}` : run.status})`,
    ],
    ['site', run.siteUrl],
    ['pages', `${formatCount(run.pagesProcessed)}/${formatCount(run.pagesPlanned)} processed, ${run.pagesFailed} failed`],
    ['posts fetched', formatCount(run.postsFetched)],
    ['time', `${formatDuration(seconds)} (${formatCount(rate)} posts/s)`],
    [
      'articles (site)',
      figures.deletedArticles > 0
        ? `${formatCount(figures.articles)} (and ${formatCount(figures.deletedArticles)} deleted on the site)`
        : formatCount(figures.articles),
    ],
    [
      'articles without body text',
      figures.emptyBodies > 0 ? `${formatCount(figures.emptyBodies)} (the log says why for each; \`wpingest explain <id>\`)` : '0',
    ],
    ['listing pages (no story of their own)', formatCount(figures.listingPages)],
    ['duplicate posts merged', formatCount(figures.duplicatePostsMerged)],
    ['teasers stored', formatCount(figures.teasersStored)],
    ['teaser occurrences collapsed', formatCount(Number(figures.teaserOccurrencesCollapsed))],
    ['boilerplate removed', `${formatBytes(Number(figures.boilerplateBytesRemoved))} of ${formatBytes(Number(figures.contentBytes))}`],
    ['rejected posts', formatCount(figures.rejectedPosts)],
  ];
  if (run.error && !(run.status === 'done' && run.pagesFailed > 0)) rows.splice(1, 0, ['error', run.error]);
  const width = Math.max(...rows.map(([label]) => label.length));
  output.line('');
  for (const [label, value] of rows) output.line(`${label.padEnd(width)}  ${value}`);
  for (const failure of failures) output.line(`${'failed'.padEnd(width)}  ${failure.n} × ${failure.stage}/${failure.reason}`);
  if (run.pagesFailed > 0 || run.status === 'failed' || run.status === 'cancelled')
    output.line(`${'resume'.padEnd(width)}  wpingest backfill --resume ${run.id}`);
}
