import cliProgress from 'cli-progress';
import type { Pool } from '../db/createPool.js';
import { queryOne } from '../db/query.js';
import * as q from '../scheduler/runQueries.js';

/** How often progress is read from Postgres. */
const POLL_INTERVAL_MS = 400;

export interface RunProgressRow {
  id: number;
  status: string;
  siteUrl: string;
  totalPosts: number | null;
  pagesPlanned: number;
  pagesFetched: number;
  pagesProcessed: number;
  pagesFailed: number;
  postsFetched: number;
  postsProcessed: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

/** Shows live progress bars (pages fetched, posts processed) on stderr until the run finishes. */
export async function waitForRun(pool: Pool, runId: number, options: { progress: boolean; onIdle?: (ms: number) => void }): Promise<RunProgressRow> {
  const bars = options.progress
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: false,
          noTTYOutput: true,
          notTTYSchedule: 5000,
          format: ' {label} [{bar}] {value}/{total} {unit} | {rate}',
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const first = await read(pool, runId);
  const pages = bars?.create(Math.max(first.pagesPlanned, 1), 0, { label: 'pages fetched  ', unit: 'pages', rate: '' });
  const posts = bars?.create(Math.max(first.totalPosts ?? 0, 1), 0, { label: 'posts processed', unit: 'posts', rate: '' });
  const started = Date.now();
  let lastChange = Date.now();
  let previous = -1;
  let row = first;
  while (!FINISHED.has(row.status)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    row = await read(pool, runId);
    const rate = `${Math.round(row.postsProcessed / Math.max((Date.now() - started) / 1000, 0.001))} posts/s`;
    pages?.setTotal(Math.max(row.pagesPlanned, 1));
    pages?.update(row.pagesFetched + row.pagesFailed, { rate: row.status === 'settling' ? 'settling' : rate });
    posts?.setTotal(Math.max(row.totalPosts ?? 0, row.postsProcessed, 1));
    posts?.update(row.postsProcessed, { rate });
    const progress = row.pagesFetched + row.pagesProcessed + row.pagesFailed;
    if (progress !== previous) {
      previous = progress;
      lastChange = Date.now();
    } else options.onIdle?.(Date.now() - lastChange);
  }
  bars?.stop();
  return row;
}

async function read(pool: Pool, runId: number): Promise<RunProgressRow> {
  const row = await queryOne<RunProgressRow>(pool, q.runProgress(runId));
  if (!row) throw new Error(`run ${runId} does not exist`);
  return row;
}
