/**
 * End-to-end throughput of the pipeline (fixture site → fetch → raw store → extract → dedupe → Postgres,
 * through the real queues) next to a Crawlee baseline on the same fixture site, with a per-stage profile.
 * Usage: npm run bench -- [--posts N] [--workers K] [--quick] [--no-baseline] [--profile-posts N]
 *                         [--fetch-concurrency N] [--process-concurrency N]
 * Exit status: 0 when the run completed cleanly, 1 when it failed, 2 for bad flags.
 * A full (non --quick) run rewrites BENCH.md with its result.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatMachine, formatReport, type BenchResult } from './bench/formatReport.js';
import { parseBenchArgs, type BenchOptions } from './bench/parseBenchArgs.js';
import { profileStages } from './bench/profileStages.js';
import { readLoadAverage } from './bench/readProcStats.js';
import { readMachineInfo } from './bench/readMachineInfo.js';
import { runCrawleeBaseline } from './bench/runCrawleeBaseline.js';
import { runPipeline } from './bench/runPipeline.js';
import { startFixtureSiteProcess } from './bench/startFixtureSiteProcess.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE_SEED = 'bench';

async function bench(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadBefore = readLoadAverage();
  const machine = await readMachineInfo(ROOT);
  note(`fixture site: ${options.posts} seed-shaped posts; ${options.workers} worker processes; load average ${loadBefore}`);
  const site = await startFixtureSiteProcess(ROOT, options.posts, FIXTURE_SEED);
  try {
    note('pipeline run through the queues…');
    const pipeline = await runPipeline(site, { root: ROOT, note, ...options });
    note(`pipeline run ${pipeline.status} in ${pipeline.wallSeconds.toFixed(1)} s; stage profile over ${options.profilePosts} posts…`);
    const profile = await profileStages(site.url, options.profilePosts);
    let baseline = null;
    if (options.baseline) {
      note('Crawlee baseline…');
      baseline = await runCrawleeBaseline(site.url);
    }
    note('done measuring');
    return { startedAt, posts: options.posts, workers: options.workers, quick: options.quick, loadBefore, loadAfter: readLoadAverage(), machine, pipeline, profile, baseline };
  } finally {
    await site.child.stop();
    note('fixture site stopped');
  }
}

/** Why the run does not count as a success; empty when it does. */
function problems(result: BenchResult): string[] {
  const { pipeline } = result;
  const found: string[] = [];
  if (pipeline.status !== 'done' || pipeline.error) found.push(`run ended ${pipeline.status}${pipeline.error ? `: ${pipeline.error}` : ''}`);
  if (pipeline.rawPosts !== result.posts) found.push(`${pipeline.rawPosts} raw posts stored, expected ${result.posts}`);
  if (pipeline.articles === 0) found.push('no article stored');
  if (pipeline.failures > 0) found.push(`${pipeline.failures} failures recorded`);
  if (pipeline.workerExitCodes.some((code) => code !== 0)) found.push(`worker exit codes ${pipeline.workerExitCodes.join(', ')}`);
  if (result.baseline && result.baseline.posts !== result.posts) found.push(`Crawlee baseline saw ${result.baseline.posts} posts, expected ${result.posts}`);
  return found;
}

function writeBenchMd(result: BenchResult, report: string): void {
  const text = [
    '# Benchmark',
    '',
    '`npm run bench` backfills a fixture WordPress site of seed-shaped posts through the whole pipeline (fetch → raw store →',
    'extract → dedupe → Postgres, through the real BullMQ queues, K worker processes running `wpingest run --roles fetch,process`,',
    'the scheduler in the bench process) into a fresh database, then times each stage function alone over the same posts (the',
    'stage profile), then crawls the same site with a Crawlee `CheerioCrawler` baseline. The fixture site runs in its own process.',
    '',
    '```sh',
    'npm run bench                               # 10,000 posts, 2 worker processes, with the Crawlee baseline; rewrites this file',
    'npm run bench -- --posts 100000 --workers 2 # the scale check',
    'npm run bench -- --quick --no-baseline      # 1,000 posts, CI smoke (exit status 0 when the pipeline works)',
    '```',
    '',
    'Targets: ≥ 600 posts/s end to end, ≥ 3× Crawlee, peak RSS < 300 MB per process over 100k posts, posts/s at 100k within 15% of 10k.',
    '',
    `## Last full run: \`npm run bench -- --posts ${result.posts} --workers ${result.workers}${result.baseline ? '' : ' --no-baseline'}\``,
    '',
    formatMachine(result.machine),
    '',
    report,
    '',
  ].join('\n');
  writeFileSync(new URL('BENCH.md', new URL(`file://${ROOT}/`)), text);
}

const BENCH_STARTED = performance.now();

/** Progress on stderr, with the seconds since the bench started, so stdout holds only the report. */
function note(message: string): void {
  process.stderr.write(`[${((performance.now() - BENCH_STARTED) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    note(`bench: ${(error as Error).message}`);
    return 2;
  }
  try {
    const result = await bench(options);
    const report = formatReport(result);
    process.stdout.write(`${report}\n`);
    const found = problems(result);
    if (found.length > 0) {
      note(`bench: the run failed: ${found.join('; ')}`);
      return 1;
    }
    if (!options.quick) {
      writeBenchMd(result, report);
      note('BENCH.md updated');
    }
    return 0;
  } catch (error) {
    note(`bench: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
note('exiting');
