import type { Command } from 'commander';
import { QUEUE_NAMES } from '../../queues.js';
import { startBackfill } from '../../../workers/startBackfill.js';
import { output } from '../output.js';
import { parseIsoDate, parsePageRange, parseSiteUrl } from '../parseArgs.js';
import { printRunSummary } from '../printRunSummary.js';
import { waitForRun } from '../waitForRun.js';
import { withContext } from '../withContext.js';

/** Milliseconds without progress before `--wait` checks whether any worker is running at all. */
const IDLE_WARNING_MS = 10_000;

export function backfillCommand(program: Command): void {
  program
    .command('backfill')
    .description('register a site, plan a backfill of all its posts and enqueue it')
    .argument('<site-url>', 'the WordPress site, e.g. https://example.com', parseSiteUrl)
    .option('--pages <A-B>', 'only these listing pages (100 posts each, oldest first)', parsePageRange)
    .option('--since <ISO>', 'only posts published after this time', parseIsoDate('--since'))
    .option('--until <ISO>', 'only posts published before this time', parseIsoDate('--until'))
    .option('--wait', 'show progress until the backfill is done, then print a summary')
    .action(async (siteUrl: string, options: { pages?: { first: number; last: number }; since?: string; until?: string; wait?: boolean }) => {
      await withContext(async (ctx) => {
        const start = await startBackfill(ctx, siteUrl, options);
        output.note(start.joined
          ? `a backfill of ${siteUrl} is already running as run ${start.runId}: joined it`
          : `run ${start.runId}: ${start.totalPosts} posts in ${start.totalPages} pages queued`);
        if (!options.wait) return output.line(String(start.runId));
        let warned = false;
        const row = await waitForRun(ctx.pool, start.runId, {
          progress: true,
          onIdle: (ms) => {
            if (warned || ms < IDLE_WARNING_MS) return;
            warned = true;
            void ctx.queues.fetch.getWorkersCount().then((count) => {
              if (count === 0) output.note(`no ${QUEUE_NAMES.fetch} workers are running: start \`wpingest run\` in another terminal`);
            });
          },
        });
        await printRunSummary(ctx.pool, row, start.siteId);
        if (row.status !== 'done') process.exitCode = 1;
      });
    });
}
