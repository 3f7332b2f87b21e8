/**
 * Extraction speed: posts/s per core (CPU time, robust on a loaded machine) and wall posts/s, for the seed post
 * and for seed-shaped fixture-site posts, plus a correctness check of the fixture posts against their truth.
 * Each measurement runs in its own process (`--processes`, default 3): the same code settles at speeds up to 20%
 * apart in different processes on this kind of machine, so one process's figure is not the code's. The summary
 * gives the median over the processes of their steady-state round medians.
 * Usage: node --import tsx scripts/benchExtract.ts [--processes N] [--seconds S] [--warmup S] [--posts N]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.js';
import { generateSite } from '../src/fixtureSite/index.js';
import type { SitePost } from '../src/fixtureSite/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../src/wpPost.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '8' },
    posts: { type: 'string', default: '200' },
    processes: { type: 'string', default: '3' },
    child: { type: 'boolean', default: false },
  },
});
/** CPU seconds spent per measured workload: long enough to smooth JIT and GC noise. */
const MEASURE_CPU_SECONDS = Number(values.seconds);
/**
 * CPU seconds run before timing. Workers are long-running processes, so the steady state is what counts. V8 keeps
 * optimising the hot paths for about five seconds of work: in 0.5 s rounds, the seed post runs at ~300 posts/s
 * first, ~450-550 over the next seconds and ~650 from about the fifth second on. A warm-up of a few passes (as
 * this script once had) measured mostly the JIT. The first seconds are reported apart, as the cold figure.
 */
const WARMUP_CPU_SECONDS = Number(values.warmup);
/** The cold figure covers this much CPU time from the first extraction (part of the warm-up). */
const COLD_CPU_SECONDS = Math.min(3, WARMUP_CPU_SECONDS);
/** The measured window is cut into rounds of this much CPU time, to show how steady the figure is. */
const ROUND_CPU_SECONDS = 0.5;
const CONTEXT = { site: 'https://analyse.optim.biz', terms: EMPTY_TERM_NAMES };

function fixturePost(post: SitePost, link: string): WpPost {
  return {
    id: post.id,
    link,
    slug: post.slug,
    date_gmt: new Date(post.dateMs).toISOString().slice(0, 19),
    modified_gmt: new Date(post.modifiedMs).toISOString().slice(0, 19),
    title: { rendered: post.titleRendered },
    content: { rendered: post.content },
    excerpt: { rendered: post.excerpt },
    categories: post.categories,
    tags: post.tags,
  } as WpPost;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Extracts the posts over and over until `seconds` of CPU time are spent; returns how many were extracted. */
function extractFor(posts: readonly WpPost[], seconds: number): { count: number; cpu: number } {
  const start = process.cpuUsage();
  let count = 0;
  for (;;) {
    for (const post of posts) extractArticle(post, CONTEXT);
    count += posts.length;
    const cpu = cpuSecondsSince(start);
    if (cpu >= seconds) return { count, cpu };
  }
}

interface Measured {
  cold: number;
  cpu: number;
  wall: number;
  count: number;
  median: number;
  low: number;
  high: number;
}

function measure(posts: readonly WpPost[]): Measured {
  const first = extractFor(posts, COLD_CPU_SECONDS);
  extractFor(posts, WARMUP_CPU_SECONDS - first.cpu);
  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  const rounds: number[] = [];
  let count = 0;
  while (cpuSecondsSince(startCpu) < MEASURE_CPU_SECONDS) {
    const round = extractFor(posts, ROUND_CPU_SECONDS);
    rounds.push(round.count / round.cpu);
    count += round.count;
  }
  const cpu = count / cpuSecondsSince(startCpu);
  const wall = count / ((performance.now() - startWall) / 1000);
  rounds.sort((a, b) => a - b);
  return {
    cold: first.count / first.cpu,
    cpu,
    wall,
    count,
    median: rounds[Math.floor(rounds.length / 2)] ?? cpu,
    low: rounds[0] ?? cpu,
    high: rounds[rounds.length - 1] ?? cpu,
  };
}

/** One workload measured in one process, as a child reports it to the parent (a JSON line). */
interface Report extends Measured {
  name: string;
  posts: number;
  kilobytes: number;
}

function measureWorkload(name: string, posts: readonly WpPost[]): Report {
  const bytes = posts.reduce((sum, post) => sum + (post.content as { rendered: string }).rendered.length, 0) / posts.length;
  return { name, posts: posts.length, kilobytes: bytes / 1024, ...measure(posts) };
}

function formatReport(r: Report): string {
  return `${r.name.padEnd(16)} ${String(r.posts).padStart(4)} posts, ~${r.kilobytes.toFixed(0)} kB each: ${r.cpu.toFixed(0).padStart(5)} posts/s per core (CPU), ${r.wall.toFixed(0).padStart(5)} posts/s wall  [${r.count} runs; rounds of ${ROUND_CPU_SECONDS} s: median ${r.median.toFixed(0)}, ${r.low.toFixed(0)}-${r.high.toFixed(0)}; first ${COLD_CPU_SECONDS} s: ${r.cold.toFixed(0)}]`;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs this script with `--child` once per process and prints each process's figures, then the medians. */
function measureInProcesses(processes: number): void {
  const reports: Report[] = [];
  for (let i = 0; i < processes; i++) {
    const args = [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--child',
      '--seconds',
      String(values.seconds),
      '--warmup',
      String(values.warmup),
      '--posts',
      String(values.posts),
    ];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0)
      throw new Error(`measuring process ${i + 1} failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-5).join(' | ')}`);
    const lines = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Report);
    for (const line of lines) console.log(`process ${i + 1}: ${formatReport(line)}`);
    reports.push(...lines);
  }
  for (const name of [...new Set(reports.map((r) => r.name))]) {
    const mine = reports.filter((r) => r.name === name);
    const medians = mine.map((r) => r.median);
    console.log(
      `${name.padEnd(16)} steady state, median over ${mine.length} processes: ${medianOf(medians).toFixed(0)} posts/s per core (CPU) (process medians ${medians.map((m) => m.toFixed(0)).join(', ')}); first ${COLD_CPU_SECONDS} s: ${medianOf(mine.map((r) => r.cold)).toFixed(0)}`,
    );
  }
}

/**
 * Fixture posts whose title differs from the truth, whose body misses a truth paragraph, holds a paragraph the
 * truth does not have (other than the standfirst and the unknown template's blocks, which dedupe removes across
 * posts), or whose teasers miss a truth teaser key.
 */
function fixtureMismatches(site: ReturnType<typeof generateSite>, posts: readonly WpPost[]): string[] {
  const wrong: string[] = [];
  posts.forEach((post, i) => {
    const truth = site.truth(i);
    const article = extractArticle(post, CONTEXT);
    const allowed = new Set([...truth.paragraphs, ...truth.template_blocks, truth.summary ?? '']);
    const extra = article.blocks.filter((block) => block.tag === 'p' && !allowed.has(block.text));
    const missing = truth.paragraphs.filter((paragraph) => !article.body_text.includes(paragraph));
    if (article.title !== truth.title) wrong.push(`${i} title ${JSON.stringify(article.title)} != ${JSON.stringify(truth.title)}`);
    if (missing.length > 0) wrong.push(`${i} misses ${JSON.stringify(missing[0]?.slice(0, 60))}`);
    if (extra.length > 0) wrong.push(`${i} extra ${JSON.stringify(extra[0]?.text.slice(0, 60))}`);
    const keys = new Set(article.teasers.map((teaser) => teaser.key));
    const lost = truth.teaser_keys.filter((key) => !keys.has(key));
    if (lost.length > 0) wrong.push(`${i} teasers missing ${lost.length}`);
  });
  return wrong;
}

const seed = JSON.parse(readFileSync(new URL('../test/fixtures/extract/seed/post.json', import.meta.url), 'utf8')) as WpPost;
const site = generateSite({ posts: Number(values.posts), seed: 'x' });
const fixture = Array.from({ length: site.count }, (_, i) => fixturePost(site.post(i), site.link(i)));
if (values.child) {
  for (const report of [measureWorkload('seed', [seed]), measureWorkload('fixture posts', fixture)]) console.log(JSON.stringify(report));
  process.exit(0);
}
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
measureInProcesses(Math.max(1, Number(values.processes)));
const wrong = fixtureMismatches(site, fixture);
console.log(
  `fixture truth: ${fixture.length - new Set(wrong.map((line) => line.split(' ')[0])).size}/${fixture.length} posts exact (title, paragraphs, teaser keys)`,
);
for (const line of wrong.slice(0, 10)) console.log(`  ${line}`);
