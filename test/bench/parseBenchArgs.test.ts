import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POSTS,
  DEFAULT_PROFILE_POSTS,
  DEFAULT_WORKER_HEAP_MB,
  QUICK_POSTS,
  QUICK_PROFILE_POSTS,
  parseBenchArgs,
} from '../../scripts/bench/parseBenchArgs.js';

describe('bench flags', () => {
  it('defaults to a full run with the Crawlee baseline', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ posts: DEFAULT_POSTS, quick: false, baseline: true, profilePosts: DEFAULT_PROFILE_POSTS });
    expect(options.workers).toBeGreaterThanOrEqual(1);
  });

  it('makes --quick a short run and --no-baseline skip the baseline', () => {
    expect(parseBenchArgs(['--quick', '--no-baseline'])).toMatchObject({ posts: QUICK_POSTS, quick: true, baseline: false, profilePosts: QUICK_PROFILE_POSTS });
  });

  it('never profiles more posts than the site has', () => {
    expect(parseBenchArgs(['--posts', '300']).profilePosts).toBe(300);
  });

  it('passes worker counts and concurrency through', () => {
    expect(parseBenchArgs(['--posts', '100000', '--workers', '3', '--process-concurrency', '4'])).toMatchObject({
      posts: 100_000,
      workers: 3,
      processConcurrency: 4,
    });
  });

  it('gives worker processes the deployment heap limit unless told otherwise', () => {
    expect(parseBenchArgs([]).workerHeapMb).toBe(DEFAULT_WORKER_HEAP_MB);
    expect(parseBenchArgs(['--worker-heap-mb', '512']).workerHeapMb).toBe(512);
  });

  it.each([
    ['--posts', '0'],
    ['--worker-heap-mb', '16'],
    ['--worker-heap-mb', 'lots'],
    ['--posts', '1e3'],
    ['--workers', 'two'],
    ['--posts', '99999999'],
  ])('refuses %s %s with a one-line message', (flag, value) => {
    expect(() => parseBenchArgs([flag, value])).toThrow(new RegExp(`^${flag} takes a whole number`));
  });

  it('refuses unknown flags', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
  });
});
