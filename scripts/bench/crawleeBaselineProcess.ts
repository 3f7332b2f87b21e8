/**
 * Runs the Crawlee baseline in its own process, so its memory is measured alone and it gets an event loop of
 * its own, as the worker processes do. Prints the result as one JSON line, then waits for SIGTERM.
 * Usage: node --import tsx scripts/bench/crawleeBaselineProcess.ts SITE_URL
 */
import { runCrawleeBaseline } from './runCrawleeBaseline.js';

/** Keeps the process alive until the bench has read its peak memory and stops it. */
const IDLE_TICK_MS = 60_000;

const result = await runCrawleeBaseline(process.argv[2] ?? '');
process.stdout.write(`${JSON.stringify({ baseline: result })}\n`);
const idle = setInterval(() => undefined, IDLE_TICK_MS);
process.once('SIGTERM', () => {
  clearInterval(idle);
  process.exit(0);
});
