import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMachine } from './formatReport.js';
import type { MachineInfo } from './readMachineInfo.js';

/**
 * Which part of BENCH.md a run replaces: the standard run, the scale check (more posts than the standard run), or
 * the million-article check (the same backfill on an empty and on a seeded database).
 */
export type BenchSection = 'main' | 'scale' | 'million';

/** What a run leaves in BENCH.md: its section's text and the end-to-end rate the scale comparison needs. */
export interface BenchRunRecord {
  posts: number;
  workers: number;
  baseline: boolean;
  machine: MachineInfo;
  postsPerSecond: number;
}

const MARK = { main: '<!-- bench:main -->', scale: '<!-- bench:scale -->', million: '<!-- bench:million -->', end: '<!-- bench:end -->' };
/** Each section ends where the next one starts. */
const NEXT: Record<BenchSection, string> = { main: MARK.scale, scale: MARK.million, million: MARK.end };
const RATE = /<!-- posts\/s ([\d.]+) -->/;

/**
 * Rewrites BENCH.md: how to run the bench, the last standard run and the last scale check. A run replaces only its
 * own section, so the scale check (e.g. 100,000 posts) and the 10,000-post run sit side by side, with the ratio of
 * their rates (the linearity target) computed from both.
 */
export function writeBenchMd(root: string, section: BenchSection, run: BenchRunRecord, report: string): void {
  const path = join(root, 'BENCH.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const sections = { main: sectionOf(previous, 'main'), scale: sectionOf(previous, 'scale'), million: sectionOf(previous, 'million') };
  const command =
    section === 'million'
      ? `npm run bench -- --scale-check --posts ${run.posts} --workers ${run.workers}`
      : `npm run bench -- --posts ${run.posts} --workers ${run.workers}${run.baseline ? '' : ' --no-baseline'}`;
  const title = { main: 'Last full run', scale: 'Scale check', million: 'Million-article check' }[section];
  sections[section] = [`<!-- posts/s ${run.postsPerSecond.toFixed(2)} -->`, `## ${title}: \`${command}\``, '', formatMachine(run.machine), '', report].join(
    '\n',
  );
  writeFileSync(path, document(sections.main, sections.scale, sections.million));
}

function sectionOf(text: string, section: BenchSection): string {
  const start = text.indexOf(MARK[section]);
  if (start < 0) return '';
  // An older BENCH.md has no million section: its scale section ends at the end mark.
  let end = text.indexOf(NEXT[section], start);
  if (end < 0 && section === 'scale') end = text.indexOf(MARK.end, start);
  return text.slice(start + MARK[section].length, end < 0 ? undefined : end).trim();
}

function linearity(main: string, scale: string): string[] {
  const mainRate = Number(RATE.exec(main)?.[1]);
  const scaleRate = Number(RATE.exec(scale)?.[1]);
  if (!(mainRate > 0 && scaleRate > 0)) return [];
  return [
    '',
    `**Linearity**: the scale check ran at ${scaleRate.toFixed(1)} posts/s, ${((100 * scaleRate) / mainRate).toFixed(0)}% of the standard run's ${mainRate.toFixed(1)} (target: within 15%, i.e. at least 85%).`,
  ];
}

function document(main: string, scale: string, million: string): string {
  return [
    '# Benchmark',
    '',
    '`npm run bench` backfills a fixture WordPress site of seed-shaped posts through the whole pipeline (fetch → raw store →',
    'extract → dedupe → Postgres, through the real BullMQ queues) with the default service, one `wpingest run --workers K`',
    '(the scheduler in it, fetch and process spread over its K worker processes, one per core by default), into a fresh',
    'database; then times each stage function alone over the same posts (the stage profile), then crawls the same site with a',
    'Crawlee `CheerioCrawler` baseline. The fixture site runs in its own process.',
    '',
    '```sh',
    'npm run bench                               # 10,000 posts, one worker process per core, with the Crawlee baseline; rewrites this file',
    'npm run bench -- --posts 100000 --no-baseline # the scale check: replaces only its own section below',
    'npm run bench -- --scale-check             # the same 10,000-post backfill on an empty database and on one seeded with',
    '                                            # 1,000,000 articles of 1,000 other sources (--seed-articles N); its own section',
    'npm run bench -- --quick --no-baseline      # 300 posts, CI smoke (exit status 0 when the pipeline works)',
    '```',
    '',
    'Targets: ≥ 2× Crawlee in the same run, ≤ 4 CPU ms per post for node and Postgres together, peak RSS < 300 MB per process,',
    'posts/s at 100k within 15% of 10k, and posts/s and CPU per post on top of a million articles within 15% of an empty database.',
    '',
    MARK.main,
    main || '## Last full run\n\nNone yet: `npm run bench`.',
    '',
    MARK.scale,
    scale || '## Scale check\n\nNone yet: `npm run bench -- --posts 100000 --no-baseline`.',
    '',
    MARK.million,
    million || '## Million-article check\n\nNone yet: `npm run bench -- --scale-check`.',
    MARK.end,
    ...linearity(main, scale),
    '',
    '## Reading the numbers',
    '',
    '- The stage profile runs each stage function alone, one page at a time, in the bench process, against a fresh database:',
    "  node CPU is `process.cpuUsage()`, Postgres CPU is the serving backend's `/proc/<pid>/stat` (10 ms ticks, summed), wall",
    '  includes waiting. The pg driver\'s parse of `raw_posts.payload` lands in "process: read". Queue, bookkeeping queries',
    "  (page states, settle checks) and the fixture site are not in it; compare its total with the real run's CPU per post.",
    '- Crawlee runs in one process (one core at most) and keeps results in memory; wpingest uses K worker processes and Postgres.',
    '- `wpingest run` runs the compiled CLI (the bench builds it first) and gives its worker processes a heap limit (`--worker-heap-mb`).',
    '- A worker process that fetched a page processes it itself, from the posts it holds, after storing them raw; the process',
    '  queue takes the pages a worker could not process (it died, or processing failed) and those of `--roles process` processes.',
    '- On a shared machine the wall-clock figures follow the load average printed with them; CPU per post much less so.',
    "- The stage profile's extraction figure starts cold (2,000 posts, about 8 CPU seconds, in the bench process), so V8's",
    '  warm-up (about 5 s, see `npm run bench:extract`) is in it; extraction alone measured at the same time as the pipeline,',
    "  warmed up and with the workers' 160 MB heap limit, costs about what it costs in a worker. A CPU profile of a worker",
    '  (`node --cpu-prof`) puts extraction at ~45% of its busy time, garbage collection at ~13%, dedupe keys (SimHash, hashes)',
    '  at ~9%, loading (building the statements) at ~5%; a 256 or 320 MB heap limit changed its CPU per post by less than',
    '  the run-to-run noise.',
    '',
  ].join('\n');
}
