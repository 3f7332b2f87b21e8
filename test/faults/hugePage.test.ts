import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_POST_BYTES } from '../../src/fetch/listingPosts.js';
import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { expectedStories } from '../helpers/expectedArticles.js';
import { reportFault } from './databaseDigest.js';
import { spawnWorker, startFaultApp, stderrOf, waitForRunFinished, waitUntil } from './faultHarness.js';

const POSTS = 200;
/** The documented heap limit of a worker (README, docker-compose.yml). */
const HEAP_MB = 160;
const PAGE_MB = 61;

/** Peak resident memory of a process, in MB (VmHWM). */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** The largest JS heap the worker reported (see workerProcess.ts): after a major GC, and sampled, in MB. */
function heapPeaksMb(stderr: string): { live: number; sampled: number } {
  const largest = (pattern: RegExp) => Math.max(0, ...[...stderr.matchAll(pattern)].map((match) => Number(match[1])));
  return { live: largest(/heap after major GC (\d+) MB/g), sampled: largest(/heap peak (\d+) MB/g) };
}

/**
 * Backfills a site whose `pages` are padded to 61 MB each, `perPage` posts a page, with one worker process (fetch
 * and process, its default concurrency) limited to the documented heap; reports the row and returns what it saw.
 */
async function hugePagesRun(fault: string, options: { pages: number[]; perPage: number }) {
  const app = await startFaultApp({
    label: 'hugepage',
    posts: POSTS,
    faults: options.pages.map((page) => `huge:page=${page}:mb=${PAGE_MB}`).join(','),
    roles: ['scheduler'],
  });
  try {
    await registerSite(app.ctx, app.siteUrl, options.perPage);
    const worker = spawnWorker(app, ['fetch', 'process'], { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`, WPINGEST_TEST_HEAP_PEAK: '1' });
    await waitUntil('the worker to start', async () => stderrOf(worker).includes('worker ready'), 60_000);
    const started = Date.now();
    const { runId } = await startBackfill(app.ctx, app.siteUrl);
    // Ends as soon as the run does or the worker dies (there is no other worker to finish it).
    const died = new Promise<{ status: string; error: string | null }>((resolve) =>
      worker.once('exit', (code, signal) => resolve({ status: `worker exited ${code ?? signal}`, error: stderrOf(worker).slice(-1500) })),
    );
    const run = await Promise.race([waitForRunFinished(app, runId, 400_000), died]);
    const tookMs = Date.now() - started;
    const alive = worker.exitCode === null && worker.signalCode === null;
    const rss = alive ? await peakRssMb(worker.pid!) : -1;
    const heap = heapPeaksMb(stderrOf(worker));
    const found = new Set((await app.ctx.pool.query<{ source_url: string }>('SELECT source_url FROM articles')).rows.map((row) => row.source_url));
    const lost = [...expectedStories(app.site!.site).keys()].filter((url) => !found.has(url));
    const failures = (await app.ctx.pool.query('SELECT stage, reason, message FROM failures')).rows;
    const largest = (await app.ctx.pool.query<{ n: number }>('SELECT max(octet_length(payload::text))::int AS n FROM raw_posts')).rows[0]!.n;
    const stored = (await app.ctx.pool.query<{ n: string }>('SELECT sum(octet_length(payload::text)) AS n FROM raw_posts')).rows[0]!.n;
    await reportFault({
      fault: `site: ${fault}, ${HEAP_MB} MB heap`,
      runs: 1,
      postsExpected: POSTS,
      articlesFound: found.size,
      lost: lost.length,
      doubled: 0,
      unattended: alive && run.status === 'done',
      recoverMs: tookMs,
      note: `worker ${alive ? `alive, heap ${heap.live} MB after major GCs (${heap.sampled} MB sampled), peak RSS ${rss} MB` : `died (${worker.exitCode ?? worker.signalCode})`}; run ${run.status}; ${failures.length} failures`,
    });
    return { alive, stderr: stderrOf(worker), run, lost, failures, heap, largest, stored: Number(stored) };
  } finally {
    await app.close();
  }
}

describe(`${PAGE_MB} MB pages (under the 64 MiB page cap) on a worker with a ${HEAP_MB} MB heap`, () => {
  it('one such page of 100 posts: fetched, stored and processed without the worker running out of memory', async () => {
    const result = await hugePagesRun(`one ${PAGE_MB} MB page of 100 posts`, { pages: [1], perPage: 100 });
    expect(result.alive, result.stderr.slice(-2000)).toBe(true);
    expect(result.run).toMatchObject({ status: 'done', error: null });
    expect(result.lost).toEqual([]);
    expect(result.failures).toEqual([]);
    // The page was stored whole, as it was sent; the worker's heap was watched all along.
    expect(result.stored).toBeGreaterThan(PAGE_MB * 1_000_000);
    expect(result.heap.sampled).toBeGreaterThan(0);
  }, 500_000);

  it('two such pages fetched at once, of 16 posts each just under the post cap: the same', async () => {
    const result = await hugePagesRun(`two ${PAGE_MB} MB pages of 16 posts at once`, { pages: [1, 2], perPage: 16 });
    expect(result.alive, result.stderr.slice(-2000)).toBe(true);
    expect(result.run).toMatchObject({ status: 'done', error: null });
    expect(result.lost).toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.stored).toBeGreaterThan(2 * PAGE_MB * 1_000_000);
    expect(result.largest).toBeGreaterThan(0.85 * MAX_POST_BYTES);
    expect(result.largest).toBeLessThanOrEqual(MAX_POST_BYTES);
  }, 500_000);
});
