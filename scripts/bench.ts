/**
 * End-to-end throughput of the pipeline (fixture site → fetch → raw store → extract → dedupe → Postgres,
 * through the real queues) next to a Crawlee baseline on the same fixture site, with a per-stage profile.
 * Usage: npm run bench -- [--posts N] [--workers K] [--quick] [--no-baseline] [--profile-posts N]
 *                         [--fetch-concurrency N] [--process-concurrency N] [--worker-heap-mb N]
 *                         [--scale-check [--seed-articles N]]
 * The worker processes run the compiled CLI (built first, as `npm ci` does) with `--max-old-space-size`.
 * Exit status: 0 when the run completed cleanly, 1 when it failed, 2 for bad flags.
 * A full (non --quick) run rewrites BENCH.md with its result.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatReport, postsPerSecond, type BenchResult } from './bench/formatReport.js';
import { DEFAULT_POSTS, parseBenchArgs, type BenchOptions } from './bench/parseBenchArgs.js';
import { profileStages } from './bench/profileStages.js';
import { readLoadAverage } from './bench/readProcStats.js';
import { readMachineInfo } from './bench/readMachineInfo.js';
import { runPipeline } from './bench/runPipeline.js';
import { startCrawleeBaseline } from './bench/startCrawleeBaseline.js';
import { startFixtureSiteProcess } from './bench/startFixtureSiteProcess.js';
import { writeBenchMd } from './bench/writeBenchMd.js';
import { formatScaleCheck, outputDifferences, runFigures, scaleCheckMet, type ScaleCheckResult } from './bench/formatScaleCheck.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE_SEED = 'bench';

async function bench(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadBefore = readLoadAverage();
  const machine = await readMachineInfo(ROOT);
  note('building the CLI the worker processes run…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  note(
    `fixture site: ${options.posts} seed-shaped posts; ${options.workers} worker processes (heap limit ${options.workerHeapMb} MB each); load average ${loadBefore}`,
  );
  const site = await startFixtureSiteProcess(ROOT, options.posts, FIXTURE_SEED);
  try {
    note('pipeline run through the queues…');
    const pipeline = await runPipeline(site, { root: ROOT, note, ...options });
    note(`pipeline run ${pipeline.status} in ${pipeline.wallSeconds.toFixed(1)} s; stage profile over ${options.profilePosts} posts…`);
    const profile = await profileStages(site.url, options.profilePosts);
    let baseline = null;
    if (options.baseline) {
      note('Crawlee baseline…');
      baseline = await startCrawleeBaseline(ROOT, site.url);
    }
    note('done measuring');
    return {
      startedAt,
      posts: options.posts,
      workers: options.workers,
      workerHeapMb: options.workerHeapMb,
      quick: options.quick,
      loadBefore,
      loadAfter: readLoadAverage(),
      machine,
      pipeline,
      profile,
      baseline,
    };
  } finally {
    await site.child.stop();
    note('fixture site stopped');
  }
}

/** The same backfill into an empty database, then into one seeded with `options.seedArticles` articles of other sources. */
async function scaleCheck(options: BenchOptions): Promise<ScaleCheckResult> {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const loadBefore = readLoadAverage();
  const machine = await readMachineInfo(ROOT);
  note('building the CLI the worker processes run…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const site = await startFixtureSiteProcess(ROOT, options.posts, FIXTURE_SEED);
  try {
    note(`backfill of ${options.posts} posts into an empty database; load average ${readLoadAverage()}`);
    const empty = await runPipeline(site, { root: ROOT, note, ...options, seedArticles: undefined });
    note(
      `${runFigures(empty).postsPerSecond.toFixed(1)} posts/s; the same into a database seeded with ${options.seedArticles} articles; load average ${readLoadAverage()}`,
    );
    const seeded = await runPipeline(site, { root: ROOT, note, ...options });
    note(`${runFigures(seeded).postsPerSecond.toFixed(1)} posts/s`);
    return { startedAt, loadBefore, loadAfter: readLoadAverage(), machine, workers: options.workers, empty, seeded };
  } finally {
    await site.child.stop();
  }
}

async function runScaleCheck(options: BenchOptions): Promise<number> {
  const result = await scaleCheck(options);
  const report = formatScaleCheck(result);
  process.stdout.write(`${report}\n`);
  const ok = [result.empty, result.seeded].every((run) => run.status === 'done' && run.rawPosts === options.posts && run.failures === 0);
  const differences = outputDifferences(result);
  if (differences.length > 0) note(`bench: the backfill stored different output on the seeded database (${differences.join(', ')})`);
  writeBenchMd(
    ROOT,
    'million',
    { posts: options.posts, workers: options.workers, baseline: false, machine: result.machine, postsPerSecond: runFigures(result.seeded).postsPerSecond },
    report,
  );
  note(`BENCH.md updated; target ${scaleCheckMet(result) ? 'met' : 'not met'}`);
  return ok && differences.length === 0 ? 0 : 1;
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

/** Progress on stderr, with the seconds since the process started, so stdout holds only the report. */
function note(message: string): void {
  process.stderr.write(`[${process.uptime().toFixed(1).padStart(6)} s] ${message}\n`);
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
    if (options.seedArticles) return await runScaleCheck(options);
    const result = await bench(options);
    const found = problems(result);
    const report = [formatReport(result), ...(found.length > 0 ? ['', `**The run failed:** ${found.join('; ')}.`] : [])].join('\n');
    process.stdout.write(`${report}\n`);
    // A failed full run is still written, marked as failed: its stage figures are what explains the failure.
    if (!options.quick) {
      const section = result.posts > DEFAULT_POSTS ? 'scale' : 'main';
      writeBenchMd(
        ROOT,
        section,
        { posts: result.posts, workers: result.workers, baseline: result.baseline !== null, machine: result.machine, postsPerSecond: postsPerSecond(result) },
        report,
      );
      note('BENCH.md updated');
    }
    if (found.length > 0) {
      note(`bench: the run failed: ${found.join('; ')}`);
      return 1;
    }
    return 0;
  } catch (error) {
    note(`bench: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
