import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBenchMd, type BenchRunRecord } from '../../scripts/bench/writeBenchMd.js';
import type { MachineInfo } from '../../scripts/bench/readMachineInfo.js';

const machine: MachineInfo = { cores: 2, cpuModel: 'test cpu', memoryGiB: 4, node: 'v20', postgres: 'PostgreSQL 15', redis: '7', packages: {} };
const run = (posts: number, postsPerSecond: number): BenchRunRecord => ({ posts, workers: 2, baseline: posts <= 10_000, machine, postsPerSecond });

describe('BENCH.md', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('keeps the standard run and the scale check side by side, and compares their rates', () => {
    dir = mkdtempSync(join(tmpdir(), 'benchmd-'));
    writeBenchMd(dir, 'main', run(10_000, 200), 'MAIN REPORT 1');
    writeBenchMd(dir, 'scale', run(100_000, 180), 'SCALE REPORT');
    writeBenchMd(dir, 'main', run(10_000, 160), 'MAIN REPORT 2');
    const text = readFileSync(join(dir, 'BENCH.md'), 'utf8');
    expect(text).toContain('MAIN REPORT 2');
    expect(text).not.toContain('MAIN REPORT 1');
    expect(text).toContain('SCALE REPORT');
    expect(text).toContain('--posts 100000 --workers 2 --no-baseline');
    // 180 / 160: the scale check's rate against the latest standard run, stated once.
    expect(text.match(/\*\*Linearity\*\*/g)).toHaveLength(1);
    expect(text).toContain('180.0 posts/s, 113% of the standard run');
  });
});
