import { describe, expect, it } from 'vitest';
import { formatScaleCheck, outputDifferences, scaleCheckMet, type ScaleCheckResult } from '../../scripts/bench/formatScaleCheck.js';
import type { MachineInfo } from '../../scripts/bench/readMachineInfo.js';
import type { BackfillOutput, PipelineResult } from '../../scripts/bench/runPipeline.js';

const machine: MachineInfo = { cores: 2, cpuModel: 'test cpu', memoryGiB: 4, node: 'v20', postgres: 'PostgreSQL 15', redis: '7', packages: {} };
const output: BackfillOutput = {
  articles: 9_498,
  bodyChars: 1_234_567,
  templateBlocksRemoved: 20_000,
  clusters: 300,
  blockCounts: 50_000,
  teasers: 4_000,
  teaserLinks: 30_000,
  digest: 'abc',
};
const timings = { wait: { count: 0, median: 0, p95: 0, max: 0 }, run: { count: 0, median: 0, p95: 0, max: 0 }, totalRunMs: 0 };

/** A run of 10,000 posts taking `wallSeconds`, whose worker used `nodeCpuMs` and Postgres `postgresCpuMs`. */
function run(wallSeconds: number, nodeCpuMs: number, postgresCpuMs: number, stored: Partial<BackfillOutput> = {}): PipelineResult {
  return {
    status: 'done',
    error: null,
    wallSeconds,
    searchIndexSeconds: 0,
    rawPosts: 10_000,
    articles: 9_498,
    failures: 0,
    rowsStored: 0,
    rowWrites: 0,
    fetch: timings,
    process: timings,
    settleMs: 0,
    processes: [{ name: 'worker 1 (fetch+process)', pid: 2, peakRss: 100 * 1024 * 1024, cpuMs: nodeCpuMs }],
    postgresCpuMs,
    redisCpuMs: 0,
    workerExitCodes: [0],
    fixtureSitePid: 3,
    seeded: null,
    output: { ...output, ...stored },
  };
}

const check = (seeded: PipelineResult): ScaleCheckResult => ({
  startedAt: 'now',
  loadBefore: '1',
  loadAfter: '1',
  machine,
  workers: 2,
  empty: run(100, 80_000, 40_000),
  seeded,
});

describe('the million-article check', () => {
  it('is met within 15% on posts/s and CPU per post when the backfill stored the same', () => {
    const result = check(run(110, 88_000, 44_000));
    expect(outputDifferences(result)).toEqual([]);
    expect(scaleCheckMet(result)).toBe(true);
    expect(formatScaleCheck(result)).toContain('stored **the same** on both databases');
  });

  it('is not met when the seeded run is more than 15% slower or costlier', () => {
    expect(scaleCheckMet(check(run(120, 80_000, 40_000)))).toBe(false);
    expect(scaleCheckMet(check(run(100, 100_000, 40_000)))).toBe(false);
  });

  it('is not met, and says what differs, when the seed changed what the backfill stored', () => {
    const result = check(run(100, 80_000, 40_000, { templateBlocksRemoved: 0, digest: 'def' }));
    expect(outputDifferences(result)).toEqual(['templateBlocksRemoved', 'digest']);
    expect(scaleCheckMet(result)).toBe(false);
    expect(formatScaleCheck(result)).toContain('stored **different** output on the seeded database (template blocks removed');
  });
});
