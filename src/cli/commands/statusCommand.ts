import type { Command } from 'commander';
import { queryAll } from '../../db/query.js';
import { failureCounts, recentRuns, type FailureCountRow, type RecentRunRow } from '../cliQueries.js';
import { readDedupeFigures } from '../../load/readDedupeFigures.js';
import { output } from '../output.js';
import { withContext } from '../withContext.js';
import type { AppContext } from '../../jobs/context.js';
import { hostOf, readCircuit } from '../../scheduler/hostGate.js';
import { listSources, siteFigures, type SiteFiguresRow, type SourceRow } from '../../scheduler/sourceQueries.js';
import { describeSource } from './sourceCommand.js';
import { formatBytes, formatCount, formatDuration } from '../../dashboard/formatValues.js';
import { causeOf } from '../../dashboard/sourceHealth.js';

/** Runs listed by `status`, newest first. */
const RECENT_RUNS = 10;
/** Failure groups (run, stage, reason) listed by `status`. */
const FAILURE_GROUPS = 50;

export async function readStatus(ctx: AppContext) {
  const [sites, runs, failures, queues, figures] = await Promise.all([
    queryAll<SiteFiguresRow>(ctx.pool, siteFigures()),
    queryAll<RecentRunRow>(ctx.pool, recentRuns(RECENT_RUNS)),
    queryAll<FailureCountRow>(ctx.pool, failureCounts(FAILURE_GROUPS)),
    Promise.all(
      ctx.queues.all.map(async (queue) => ({
        queue: queue.name,
        ...(await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized')),
      })),
    ),
    readDedupeFigures(ctx.pool),
  ]);
  const sources = await readSources(ctx);
  const openHosts = new Set(sources.filter((source) => source.circuit?.open).map((source) => source.circuit!.host));
  const withRates = runs.map(({ apiRoot, ...run }) => {
    const end = run.finishedAt ? new Date(run.finishedAt).getTime() : Date.now();
    const seconds = run.startedAt ? Math.max((end - new Date(run.startedAt).getTime()) / 1000, 0.001) : 0;
    const rate = seconds ? run.postsProcessed / seconds : 0;
    const left = Math.max((run.totalPosts ?? 0) - run.postsProcessed, 0);
    // While the host's circuit is open the run makes no progress, whatever the rate so far says.
    const waitingForHost = !run.finishedAt && apiRoot !== null && openHosts.has(hostOf(apiRoot));
    return { ...run, postsPerSecond: Math.round(rate), etaSeconds: run.finishedAt || rate === 0 ? null : Math.round(left / rate), waitingForHost };
  });
  return { sites, sources, runs: withRates, queues, failures, dedupe: figures };
}

/** Sources with their schedule, rate, cursor, lag (seconds since the last successful sync) and host circuit. */
async function readSources(ctx: AppContext) {
  const rows = await queryAll<SourceRow>(ctx.pool, listSources());
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      lagSeconds: row.lastSyncAt ? Math.round((Date.now() - new Date(row.lastSyncAt).getTime()) / 1000) : null,
      circuit: row.apiRoot ? { host: hostOf(row.apiRoot), ...(await readCircuit(ctx.redis, ctx.config.queuePrefix, hostOf(row.apiRoot))) } : null,
    })),
  );
}

/** Labels of the dedupe figures, in the order `status` prints them; byte figures are shown in KiB/MiB. */
const DEDUPE_LABELS: Array<[keyof Awaited<ReturnType<typeof readDedupeFigures>>, string]> = [
  ['postsSeen', 'posts seen'],
  ['articles', 'articles'],
  ['emptyBodies', 'articles without body text'],
  ['listingPages', 'listing pages (no story of their own)'],
  ['searchPending', 'articles waiting for the search index'],
  ['deletedArticles', 'deleted articles'],
  ['duplicatePostsMerged', 'duplicate posts merged'],
  ['nearDuplicateClusters', 'near-duplicate clusters'],
  ['teasersStored', 'teasers stored'],
  ['teaserOccurrences', 'teaser occurrences'],
  ['teaserOccurrencesCollapsed', 'teaser occurrences collapsed'],
  ['boilerplateBytesRemoved', 'boilerplate removed'],
  ['contentBytes', 'content'],
  ['rejectedPosts', 'rejected posts'],
];
const BYTE_FIGURES = new Set(['boilerplateBytesRemoved', 'contentBytes']);

type Status = Awaited<ReturnType<typeof readStatus>>;

function printSources(status: Status): void {
  output.line('sources');
  for (const source of status.sources) {
    const lag = source.lagSeconds === null ? 'never synced' : `last sync ${formatDuration(source.lagSeconds)} ago`;
    const circuit = source.circuit;
    const cause = circuit?.lastCause ? ` (${causeOf(circuit.lastCause)})` : '';
    const open = circuit?.open
      ? `  CIRCUIT OPEN: ${circuit.host} paused ${formatDuration(Math.ceil(circuit.openForMs / 1000))} more after ${circuit.failures} failures${cause}`
      : '';
    output.line(`  ${describeSource(source)}  ${lag}${open}`);
  }
}

function printRuns(status: Status): void {
  output.line('runs');
  for (const run of status.runs) {
    const state = run.status === 'done' && run.pagesFailed > 0 ? `done with ${run.pagesFailed} failed page${run.pagesFailed === 1 ? '' : 's'}` : run.status;
    const eta = run.waitingForHost ? '  ETA: waiting for host' : run.etaSeconds === null ? '' : `  ETA ${formatDuration(run.etaSeconds)}`;
    const resume =
      run.kind === 'backfill' && (state !== run.status || run.status === 'failed' || run.status === 'cancelled')
        ? `  (resume: wpingest backfill --resume ${run.id})`
        : '';
    output.line(
      `  ${run.id}  ${run.kind} ${state}  ${run.site}  pages ${formatCount(run.pagesDone)}/${formatCount(run.pages)} (${run.pagesFailed} failed)  posts ${formatCount(run.postsProcessed)}/${run.totalPosts === null ? '?' : formatCount(run.totalPosts)}  ${run.postsPerSecond} posts/s${eta}${resume}`,
    );
  }
}

export function statusCommand(program: Command): void {
  program
    .command('status')
    .description('sources, runs, queue depths, article counts and dedupe figures')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const status = await readStatus(ctx);
        if (options.json) return output.json(status, true);
        output.line('sites');
        for (const site of status.sites) {
          output.line(
            `  ${site.id}  ${site.url}  ${formatCount(site.posts)} live / ${formatCount(site.deletedPosts)} deleted posts  ${formatCount(site.articles)} live / ${formatCount(site.deletedArticles)} deleted articles  api ${site.apiRoot ?? 'not discovered'}`,
          );
        }
        printSources(status);
        printRuns(status);
        output.line('queues');
        for (const queue of status.queues)
          output.line(
            `  ${queue.queue}: ${Object.entries(queue)
              .filter(([k]) => k !== 'queue')
              .map(([k, v]) => `${k} ${formatCount(Number(v))}`)
              .join(', ')}`,
          );
        output.line('dedupe');
        for (const [key, label] of DEDUPE_LABELS) {
          const value = Number(status.dedupe[key]);
          output.line(`  ${label}: ${BYTE_FIGURES.has(key) ? formatBytes(value) : formatCount(value)}`);
        }
        if (status.failures.length > 0) output.line('errors');
        for (const f of status.failures) output.line(`  run ${f.runId}: ${formatCount(f.n)} × ${f.stage}/${f.reason}`);
      });
    });
}
