import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMachine } from './formatReport.js';
import type { MachineInfo } from './readMachineInfo.js';

/** Rewrites BENCH.md with how to run the bench and the report of the last full run. */
export function writeBenchMd(root: string, run: { posts: number; workers: number; baseline: boolean; machine: MachineInfo }, report: string): void {
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
    'npm run bench -- --quick --no-baseline      # 300 posts, CI smoke (exit status 0 when the pipeline works)',
    '```',
    '',
    'Targets: ≥ 600 posts/s end to end, ≥ 3× Crawlee, peak RSS < 300 MB per process over 100k posts, posts/s at 100k within 15% of 10k.',
    '',
    `## Last full run: \`npm run bench -- --posts ${run.posts} --workers ${run.workers}${run.baseline ? '' : ' --no-baseline'}\``,
    '',
    formatMachine(run.machine),
    '',
    report,
    '',
    '## Reading the numbers',
    '',
    '- The stage profile runs each stage function alone, one page at a time, in the bench process, against a fresh database:',
    '  node CPU is `process.cpuUsage()`, Postgres CPU is the serving backend\'s `/proc/<pid>/stat` (10 ms ticks, summed), wall',
    '  includes waiting. The pg driver\'s parse of `raw_posts.payload` lands in "process: read". Queue, bookkeeping queries',
    '  (page states, settle checks) and the fixture site are not in it; compare its total with the real run\'s CPU per post.',
    '- Crawlee runs in one process (one core at most) and keeps results in memory; wpingest uses K worker processes and Postgres.',
    '- On a shared machine the wall-clock figures follow the load average printed with them; CPU per post much less so.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'BENCH.md'), text);
}
