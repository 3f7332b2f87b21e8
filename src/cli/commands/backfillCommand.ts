import type { Command } from 'commander';
import { QUEUE_NAMES } from '../../queues.js';
import { ConfigError } from '../../errors.js';
import { cancelRun, resumeRun } from '../../jobs/backfill/resumeRun.js';
import { startBackfill } from '../../jobs/backfill/startBackfill.js';
import type { AppContext } from '../../jobs/context.js';
import { parseAuth } from '../../jobs/site/siteAccess.js';
import { countOf } from '../../dashboard/formatValues.js';
import { output } from '../output.js';
import { parseIsoDate, parsePageRange, parsePositiveInt, parseSiteUrl, parseTypes } from '../parseArgs.js';
import { printRunSummary } from '../printRunSummary.js';
import { waitForRun } from '../waitForRun.js';
import { withContext } from '../withContext.js';

/** Milliseconds without progress before `--wait` checks whether any worker is running at all. */
const IDLE_WARNING_MS = 10_000;

export function backfillCommand(program: Command): void {
  program
    .command('backfill')
    .description('register a site, plan a backfill of all its posts and enqueue it')
    .argument('[site-url]', 'the WordPress site, e.g. https://example.com (not with --resume or --cancel)', parseSiteUrl)
    .option('--pages <A-B>', 'only these listing pages (100 posts each, oldest first)', parsePageRange)
    .option('--since <ISO>', 'only posts published after this time', parseIsoDate('--since'))
    .option('--until <ISO>', 'only posts published before this time', parseIsoDate('--until'))
    .option(
      '--types <list>',
      "post types to read, e.g. post,page,<custom type or rest_base> (default: the site's, else post); remembered for the site",
      parseTypes,
    )
    .option('--auth <user:password>', "a private site's WordPress application password; stored encrypted (needs WPINGEST_SECRET_KEY)", parseAuth)
    .option('--wait', 'show progress until the backfill is done, then print a summary')
    .option('--resume <run>', 're-enqueue the unfinished and failed pages of a failed, cancelled or stalled run', parsePositiveInt('--resume'))
    .option('--cancel <run>', 'cancel a run: its remaining jobs become no-ops', parsePositiveInt('--cancel'))
    .action(
      async (
        siteUrl: string | undefined,
        options: {
          pages?: { first: number; last: number };
          since?: string;
          until?: string;
          types?: string[];
          auth?: { user: string; password: string };
          wait?: boolean;
          resume?: number;
          cancel?: number;
        },
      ) => {
        if (
          (options.resume !== undefined || options.cancel !== undefined) === (siteUrl !== undefined) ||
          (options.resume !== undefined && options.cancel !== undefined)
        ) {
          throw new ConfigError('backfill takes a site URL, or one of --resume <run> and --cancel <run>');
        }
        await withContext(async (ctx) => {
          if (options.cancel !== undefined) {
            const cancelled = await cancelRun(ctx, options.cancel);
            output.note(`run ${cancelled.runId} cancelled (${cancelled.removedJobs} queued jobs removed)`);
            return output.line(String(cancelled.runId));
          }
          const start =
            options.resume !== undefined ? await resumed(ctx, options.resume) : { ...(await startBackfill(ctx, siteUrl!, options)), siteUrl: siteUrl! };
          if (options.resume === undefined)
            output.note(
              start.joined
                ? `a backfill of ${siteUrl} is already running as run ${start.runId}: joined it`
                : `run ${start.runId} started: ${countOf(start.totalPosts, 'post')} in ${countOf(start.totalPages, 'page')} queued`,
            );
          if (!options.wait) {
            await noteHowToWatch(ctx, start.runId, start.siteUrl);
            return output.line(String(start.runId));
          }
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
      },
    );
}

/** Where a run started without `--wait` can be followed, and whether anything will work on it. */
async function noteHowToWatch(ctx: AppContext, runId: number, siteUrl: string): Promise<void> {
  output.note(
    `watch run ${runId} with \`wpingest status\`, on the dashboard (http://127.0.0.1:${ctx.config.dashboardPort}/ while \`wpingest run\` serves it), or here with \`wpingest backfill ${siteUrl} --wait\` (joins it)`,
  );
  if ((await ctx.queues.fetch.getWorkersCount()) === 0) output.note(`no ${QUEUE_NAMES.fetch} workers are running yet: \`wpingest run\` does the work`);
}

async function resumed(ctx: AppContext, runId: number) {
  const resume = await resumeRun(ctx, runId);
  output.note(`run ${runId} resumed: ${resume.fetchJobs} pages to fetch, ${resume.processJobs} to process`);
  return { runId, siteId: resume.siteId, siteUrl: resume.siteUrl, joined: true, totalPages: resume.fetchJobs + resume.processJobs, totalPosts: 0 };
}
