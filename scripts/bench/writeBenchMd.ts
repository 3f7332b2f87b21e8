import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMachine } from './formatReport.js';
import type { MachineInfo } from './readMachineInfo.js';

/** Which part of BENCH.md a run replaces: the standard run, or the scale check (more posts than the standard run). */
export type BenchSection = 'main' | 'scale';

/** What a run leaves in BENCH.md: its section's text and the end-to-end rate the scale comparison needs. */
export interface BenchRunRecord {
  posts: number;
  workers: number;
  baseline: boolean;
  machine: MachineInfo;
  postsPerSecond: number;
}

const MARK = { main: '<!-- bench:main -->', scale: '<!-- bench:scale -->', end: '<!-- bench:end -->' };
const RATE = /<!-- posts\/s ([\d.]+) -->/;

/**
 * Rewrites BENCH.md: how to run the bench, the last standard run and the last scale check. A run replaces only its
 * own section, so the scale check (e.g. 100,000 posts) and the 10,000-post run sit side by side, with the ratio of
 * their rates (the linearity target) computed from both.
 */
export function writeBenchMd(root: string, section: BenchSection, run: BenchRunRecord, report: string): void {
  const path = join(root, 'BENCH.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const sections = { main: sectionOf(previous, 'main'), scale: sectionOf(previous, 'scale') };
  const command = `npm run bench -- --posts ${run.posts} --workers ${run.workers}${run.baseline ? '' : ' --no-baseline'}`;
  sections[section] = [
    `<!-- posts/s ${run.postsPerSecond.toFixed(2)} -->`,
    section === 'main' ? `## Last full run: \`${command}\`` : `## Scale check: \`${command}\``,
    '',
    formatMachine(run.machine),
    '',
    report,
  ].join('\n');
  writeFileSync(path, document(sections.main, sections.scale));
}

function sectionOf(text: string, section: BenchSection): string {
  const start = text.indexOf(MARK[section]);
  if (start < 0) return '';
  const end = text.indexOf(section === 'main' ? MARK.scale : MARK.end, start);
  return text.slice(start + MARK[section].length, end < 0 ? undefined : end).trim();
}

function linearity(main: string, scale: string): string[] {
  const mainRate = Number(RATE.exec(main)?.[1]);
  const scaleRate = Number(RATE.exec(scale)?.[1]);
  if (!(mainRate > 0 && scaleRate > 0)) return [];
  return ['', `**Linearity**: the scale check ran at ${scaleRate.toFixed(1)} posts/s, ${((100 * scaleRate) / mainRate).toFixed(0)}% of the standard run's ${mainRate.toFixed(1)} (target: within 15%, i.e. at least 85%).`];
}

function document(main: string, scale: string): string {
  return [
    '# Benchmark',
    '',
    '`npm run bench` backfills a fixture WordPress site of seed-shaped posts through the whole pipeline (fetch → raw store →',
    'extract → dedupe → Postgres, through the real BullMQ queues, K worker processes running `wpingest run --roles fetch,process`,',
    'the scheduler in the bench process) into a fresh database, then times each stage function alone over the same posts (the',
    'stage profile), then crawls the same site with a Crawlee `CheerioCrawler` baseline. The fixture site runs in its own process.',
    '',
    '```sh',
    'npm run bench                               # 10,000 posts, 2 worker processes, with the Crawlee baseline; rewrites this file',
    'npm run bench -- --posts 100000 --no-baseline # the scale check: replaces only its own section below',
    'npm run bench -- --quick --no-baseline      # 300 posts, CI smoke (exit status 0 when the pipeline works)',
    '```',
    '',
    'Targets: ≥ 600 posts/s end to end, ≥ 3× Crawlee, peak RSS < 300 MB per process over 100k posts, posts/s at 100k within 15% of 10k.',
    '',
    MARK.main,
    main || '## Last full run\n\nNone yet: `npm run bench`.',
    '',
    MARK.scale,
    scale || '## Scale check\n\nNone yet: `npm run bench -- --posts 100000 --no-baseline`.',
    MARK.end,
    ...linearity(main, scale),
    '',
    '## Reading the numbers',
    '',
    '- The stage profile runs each stage function alone, one page at a time, in the bench process, against a fresh database:',
    '  node CPU is `process.cpuUsage()`, Postgres CPU is the serving backend\'s `/proc/<pid>/stat` (10 ms ticks, summed), wall',
    '  includes waiting. The pg driver\'s parse of `raw_posts.payload` lands in "process: read". Queue, bookkeeping queries',
    '  (page states, settle checks) and the fixture site are not in it; compare its total with the real run\'s CPU per post.',
    '- Crawlee runs in one process (one core at most) and keeps results in memory; wpingest uses K worker processes and Postgres.',
    '- Worker processes run the compiled CLI (the bench builds it first) with the heap limit docker-compose.yml sets.',
    '- On a shared machine the wall-clock figures follow the load average printed with them; CPU per post much less so.',
    '',
  ].join('\n');
}
