import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { queryAll, queryOne, type Query } from '../../src/db/query.js';
import { createLogger } from '../../src/log.js';
import { createTestDatabase, TEST_REDIS_URL } from '../../test/helpers/testDatabase.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import * as q from './benchQueries.js';
import { pendingSearchCount } from '../../src/load/searchIndexQueries.js';
import { obliterateQueues } from './obliterateQueues.js';
import { SEEDED_DOMAIN_SUFFIX, seedArticles, type SeedResult } from './seedArticles.js';
import { readQueueTimings, type QueueTimings } from './readQueueTimings.js';
import { startResourceSampler, type ProcessUsage } from './sampleResources.js';
import { spawnNodeScript, type NodeChild } from './spawnNodeScript.js';
import type { FixtureSiteProcess } from './startFixtureSiteProcess.js';

/** How often the run's state is polled. */
const POLL_INTERVAL_MS = 200;
/** A run may take this long plus `RUN_TIMEOUT_MS_PER_POST` per post before the bench gives up (5 posts/s). */
const RUN_TIMEOUT_BASE_MS = 120_000;
const RUN_TIMEOUT_MS_PER_POST = 200;

export interface PipelineOptions {
  /** Progress messages. */
  note: (message: string) => void;
  root: string;
  posts: number;
  workers: number;
  fetchConcurrency?: number;
  processConcurrency?: number;
  /** `--max-old-space-size` of each worker process. */
  workerHeapMb: number;
  /** Synthetic articles of other sources bulk-loaded into the database before the run (the 1M check). */
  seedArticles?: number;
}

/** What the end-to-end run did and what it cost. */
export interface PipelineResult {
  status: string;
  error: string | null;
  wallSeconds: number;
  rawPosts: number;
  articles: number;
  failures: number;
  /** Rows in every table of the database at the end. */
  rowsStored: number;
  /** Inserts plus updates over the run (pg_stat_user_tables). */
  rowWrites: number;
  fetch: QueueTimings;
  process: QueueTimings;
  /** The end-of-run settle pass (control queue), ms. */
  settleMs: number;
  /**
   * Seconds from the run's `done` until no article waited for the full-text index (indexing is off the ingest
   * path); the CPU figures include this tail.
   */
  searchIndexSeconds: number;
  processes: ProcessUsage[];
  postgresCpuMs: number;
  redisCpuMs: number;
  workerExitCodes: Array<number | null>;
  /** The fixture site's process, listed in `processes` but not part of the pipeline. */
  fixtureSitePid: number;
  /** What was seeded before the run, if anything. */
  seeded: SeedResult | null;
  /** What the backfill stored (seeded rows left out). */
  output: BackfillOutput;
}

/** What a backfill stored, seeded rows left out: equal on an empty and on a seeded database when seeding changes nothing. */
export interface BackfillOutput {
  articles: number;
  /** Characters of all body texts. */
  bodyChars: number;
  /** Template block fingerprints removed, summed over the articles. */
  templateBlocksRemoved: number;
  clusters: number;
  blockCounts: number;
  teasers: number;
  teaserLinks: number;
  /** md5 over every article's URL, content hash, template blocks and body text. */
  digest: string;
}

/**
 * Backfills the fixture site through the real queues into a fresh database with the default service, one
 * `wpingest run --workers K` (scheduler in it, fetch and process in its K worker processes), timed from planning
 * to the run's `done`. The database and queue keys are removed afterwards whatever happens.
 */
export async function runPipeline(site: FixtureSiteProcess, options: PipelineOptions): Promise<PipelineResult> {
  const db = await createTestDatabase('bench');
  const env = { DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix };
  const config = loadConfig({ ...env, WPINGEST_LOG_LEVEL: 'warn' });
  const ctx = await createContext(config, createLogger('warn'));
  const children: NodeChild[] = [];
  try {
    let seeded: SeedResult | null = null;
    if (options.seedArticles) {
      options.note(`seeding ${options.seedArticles} articles of other sources…`);
      seeded = await seedArticles(db.databaseUrl, options.seedArticles);
      options.note(`seeded in ${seeded.seconds.toFixed(1)} s`);
    }
    const service = await spawnService(options, env);
    children.push(service.child);
    options.note(`wpingest run ready: ${service.workers.length} worker processes`);
    const database = new URL(db.databaseUrl).pathname.slice(1);
    const redisCpuBefore = await redisCpuMs(ctx.redis);
    const sampled = [
      { name: 'wpingest run (scheduler, supervisor)', pid: service.child.pid },
      ...service.workers.map((worker) => ({ name: `worker ${worker.index} (fetch+process)`, pid: worker.pid })),
    ];
    const sampler = startResourceSampler([...sampled, { name: 'fixture site (not pipeline)', pid: site.child.pid }], 'bench', ctx.pool, database);
    const started = performance.now();
    const start = await startBackfill(ctx, site.url);
    const run = await waitForRun(ctx.pool, start.runId, RUN_TIMEOUT_BASE_MS + options.posts * RUN_TIMEOUT_MS_PER_POST, children);
    const wallSeconds = (performance.now() - started) / 1000;
    await waitForSearchIndex(ctx.pool, RUN_TIMEOUT_BASE_MS + options.posts * RUN_TIMEOUT_MS_PER_POST);
    const searchIndexSeconds = (performance.now() - started) / 1000 - wallSeconds;
    const usage = await sampler.stop();
    const redisCpu = (await redisCpuMs(ctx.redis)) - redisCpuBefore;
    const [fetch, process, settle] = await Promise.all([
      readQueueTimings(ctx.queues.fetch),
      readQueueTimings(ctx.queues.process),
      readQueueTimings(ctx.queues.control),
    ]);
    options.note(`run ${run.status} after ${wallSeconds.toFixed(1)} s; stopping workers`);
    const workerExitCodes = await Promise.all(children.splice(0).map((child) => child.stop()));
    await ctx.close();
    const counts = await readCounts(db.databaseUrl);
    return {
      ...run,
      ...counts,
      wallSeconds,
      fetch,
      process,
      settleMs: settle.run.max,
      searchIndexSeconds,
      ...usage,
      redisCpuMs: redisCpu,
      workerExitCodes,
      fixtureSitePid: site.child.pid,
      seeded,
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await ctx.close().catch(() => undefined);
    await obliterateQueues(TEST_REDIS_URL, db.queuePrefix);
    await db.drop();
  }
}

/**
 * The default service as a user runs it: `wpingest run` (default roles) with K worker processes, from the
 * compiled CLI (bench.ts builds it first). Its worker processes are read from its 'wpingest running' line.
 */
async function spawnService(
  options: PipelineOptions,
  env: Record<string, string>,
): Promise<{ child: NodeChild; workers: Array<{ index: number; pid: number }> }> {
  const args = ['run', '--workers', String(options.workers), '--worker-heap-mb', String(options.workerHeapMb)];
  if (options.fetchConcurrency) args.push('--fetch-concurrency', String(options.fetchConcurrency));
  if (options.processConcurrency) args.push('--process-concurrency', String(options.processConcurrency));
  let workers: Array<{ index: number; pid: number }> = [];
  // The supervisor's line, not a worker's (those carry "worker":k).
  const isReady = (line: string) => line.includes('"msg":"wpingest running"') && !/"worker":\d/.test(line);
  const child = await spawnNodeScript({
    name: 'wpingest run',
    script: 'bin/wpingest.js',
    compiled: true,
    nodeArgs: [`--max-old-space-size=${options.workerHeapMb}`],
    args,
    cwd: options.root,
    env: { ...process.env, ...env, WPINGEST_LOG_LEVEL: 'info' },
    onLine: (line) => {
      if (isReady(line)) workers = (JSON.parse(line) as { workers?: Array<{ index: number; pid: number }> }).workers ?? [];
    },
    ready: isReady,
  });
  return { child, workers };
}

/** Polls the run until it finishes; a worker that dies or a run that overruns fails the bench. */
async function waitForRun(pool: pg.Pool, runId: number, timeoutMs: number, children: readonly NodeChild[]): Promise<{ status: string; error: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await queryOne<{ status: string; error: string | null }>(pool, q.runOutcome(runId));
    if (row && ['done', 'failed', 'cancelled'].includes(row.status)) return row;
    const dead = children.find((child) => child.process.exitCode !== null || child.process.signalCode !== null);
    if (dead) throw new Error(`${dead.name} exited during the run:\n  ${dead.lastLines().slice(-10).join('\n  ')}`);
    if (Date.now() > deadline) {
      const pages = await queryAll(pool, q.runPagesByStatus(runId));
      throw new Error(`run ${runId} not finished after ${timeoutMs / 1000} s: ${row?.status}; pages ${JSON.stringify(pages)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Polls until no article waits for the full-text index (the settle pass indexes a run's articles as it ends). */
async function waitForSearchIndex(pool: pg.Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queryOne<{ n: number }>(pool, pendingSearchCount()))!.n > 0) {
    if (Date.now() > deadline) throw new Error(`articles still wait for the search index after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** used_cpu_user + used_cpu_sys of the Redis server (shared with everything else using it), ms. */
async function redisCpuMs(redis: { info(section: string): Promise<string> }): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** Row counts, read on a fresh connection after every worker has closed (closing flushes their statistics). */
async function readCounts(
  databaseUrl: string,
): Promise<{ rawPosts: number; articles: number; failures: number; rowsStored: number; rowWrites: number; output: BackfillOutput }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (query: Query) => Number((await queryOne<{ n: string }>(client, query))?.n ?? 0);
    const tables = (await queryAll<{ relname: string }>(client, q.userTables())).map((row) => row.relname);
    let rowsStored = 0;
    for (const table of tables) rowsStored += await one(q.tableRowCount(table));
    return {
      rawPosts: await one(q.livePostCount(SEEDED_DOMAIN_SUFFIX)),
      articles: await one(q.articleCount()),
      failures: await one(q.failureCount()),
      rowsStored,
      rowWrites: await one(q.rowWrites()),
      output: (await queryOne<BackfillOutput>(client, q.backfillOutput(SEEDED_DOMAIN_SUFFIX)))!,
    };
  } finally {
    await client.end();
  }
}
