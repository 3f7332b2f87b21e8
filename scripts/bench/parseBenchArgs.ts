import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** Posts of a full run and of a `--quick` one. */
export const DEFAULT_POSTS = 10_000;
export const QUICK_POSTS = 300;
/** Posts the stage profile times (fewer in `--quick`); each stage's cost per post is stable well before. */
export const DEFAULT_PROFILE_POSTS = 2_000;
export const QUICK_PROFILE_POSTS = 100;
/** Articles the scale check seeds before its second backfill. */
export const DEFAULT_SEED_ARTICLES = 1_000_000;
/** Upper bounds that keep a mistyped flag from running for hours. */
const MAX_POSTS = 1_000_000;
const MAX_WORKERS = 32;
const MAX_CONCURRENCY = 100;
/**
 * V8 old-space limit of each worker process, as the deployment sets it (docker-compose.yml's NODE_OPTIONS):
 * without one, V8 sizes its heap from the machine's memory and lets garbage pile up to 500+ MB per worker.
 */
export const DEFAULT_WORKER_HEAP_MB = 160;
const MIN_WORKER_HEAP_MB = 64;
const MAX_WORKER_HEAP_MB = 16_384;

/** The bench's options, after defaults. */
export interface BenchOptions {
  /** Posts on the fixture site. @defaultValue 10000 (1000 with `--quick`) */
  posts: number;
  /** Worker processes running fetch and process roles. @defaultValue one per core */
  workers: number;
  /** A short run for CI smoke tests; never writes BENCH.md. */
  quick: boolean;
  /** Runs the Crawlee baseline. @defaultValue true */
  baseline: boolean;
  /** Posts timed by the stage profile. @defaultValue min(posts, 2000) (200 with `--quick`) */
  profilePosts: number;
  /** Per worker process; default: the worker's own (WPINGEST_FETCH_CONCURRENCY). */
  fetchConcurrency?: number;
  /** Per worker process; default: the worker's own (WPINGEST_PROCESS_CONCURRENCY). */
  processConcurrency?: number;
  /** `--max-old-space-size` of each worker process. @defaultValue DEFAULT_WORKER_HEAP_MB */
  workerHeapMb: number;
  /**
   * The scale check instead of the standard run: the same backfill into an empty database, then into one seeded
   * with this many articles of 1,000 other sources. @defaultValue undefined (1,000,000 with `--scale-check`)
   */
  seedArticles?: number;
}

/** Parses the bench's flags; throws with a one-line message on anything invalid. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      posts: { type: 'string' },
      workers: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
      'profile-posts': { type: 'string' },
      'fetch-concurrency': { type: 'string' },
      'process-concurrency': { type: 'string' },
      'worker-heap-mb': { type: 'string' },
      'scale-check': { type: 'boolean', default: false },
      'seed-articles': { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const posts = positiveInt('--posts', values.posts, MAX_POSTS) ?? (quick ? QUICK_POSTS : DEFAULT_POSTS);
  return {
    posts,
    workers: positiveInt('--workers', values.workers, MAX_WORKERS) ?? Math.max(1, availableParallelism()),
    quick,
    baseline: !values['no-baseline'],
    profilePosts: Math.min(posts, positiveInt('--profile-posts', values['profile-posts'], MAX_POSTS) ?? (quick ? QUICK_PROFILE_POSTS : DEFAULT_PROFILE_POSTS)),
    fetchConcurrency: positiveInt('--fetch-concurrency', values['fetch-concurrency'], MAX_CONCURRENCY),
    processConcurrency: positiveInt('--process-concurrency', values['process-concurrency'], MAX_CONCURRENCY),
    workerHeapMb: workerHeap(values['worker-heap-mb']),
    seedArticles: values['scale-check'] ? (positiveInt('--seed-articles', values['seed-articles'], 10 * MAX_POSTS) ?? DEFAULT_SEED_ARTICLES) : undefined,
  };
}

function positiveInt(flag: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || value > max)
    throw new Error(`${flag} takes a whole number from 1 to ${max}; got "${raw}"`);
  return value;
}

function workerHeap(raw: string | undefined): number {
  const value = positiveInt('--worker-heap-mb', raw, MAX_WORKER_HEAP_MB) ?? DEFAULT_WORKER_HEAP_MB;
  if (value < MIN_WORKER_HEAP_MB) throw new Error(`--worker-heap-mb takes a whole number from ${MIN_WORKER_HEAP_MB} to ${MAX_WORKER_HEAP_MB}; got "${raw}"`);
  return value;
}
