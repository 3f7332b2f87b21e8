/**
 * Extraction speed: posts/s per core (CPU time, robust on a loaded machine) and wall posts/s, for the seed post
 * and for seed-shaped fixture-site posts, plus a correctness check of the fixture posts against their truth.
 * Usage: node --import tsx scripts/benchExtract.ts [--seconds S] [--warmup S] [--posts N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.js';
import { generateSite } from '../src/fixtureSite/index.js';
import type { SitePost } from '../src/fixtureSite/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../src/wpPost.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '4' }, warmup: { type: 'string', default: '3' }, posts: { type: 'string', default: '200' } } });
/** CPU seconds spent per measured workload: long enough to smooth JIT and GC noise. */
const MEASURE_CPU_SECONDS = Number(values.seconds);
/**
 * CPU seconds run before timing. Workers are long-running processes, so the steady state is what counts: V8 keeps
 * re-optimising hot paths for about two seconds of work (a single post's throughput climbs from ~200 to ~550 posts/s
 * over that time), and a warm-up of a few passes measured mostly the JIT.
 */
const WARMUP_CPU_SECONDS = Number(values.warmup);
/** The measured window is cut into rounds of this much CPU time, to show how steady the figure is. */
const ROUND_CPU_SECONDS = 0.25;
const CONTEXT = { site: 'https://analyse.optim.biz', terms: EMPTY_TERM_NAMES };

function fixturePost(post: SitePost, link: string): WpPost {
  return {
    id: post.id, link, slug: post.slug, date_gmt: new Date(post.dateMs).toISOString().slice(0, 19),
    modified_gmt: new Date(post.modifiedMs).toISOString().slice(0, 19), title: { rendered: post.titleRendered },
    content: { rendered: post.content }, excerpt: { rendered: post.excerpt }, categories: post.categories, tags: post.tags,
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
  cpu: number;
  wall: number;
  count: number;
  median: number;
  low: number;
  high: number;
}

function measure(posts: readonly WpPost[]): Measured {
  extractFor(posts, WARMUP_CPU_SECONDS);
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
  return { cpu, wall, count, median: rounds[Math.floor(rounds.length / 2)] ?? cpu, low: rounds[0] ?? cpu, high: rounds[rounds.length - 1] ?? cpu };
}

function report(name: string, posts: readonly WpPost[]): void {
  const bytes = posts.reduce((sum, post) => sum + (post.content as { rendered: string }).rendered.length, 0) / posts.length;
  const { cpu, wall, count, median, low, high } = measure(posts);
  console.log(`${name.padEnd(16)} ${String(posts.length).padStart(4)} posts, ~${(bytes / 1024).toFixed(0)} kB each: ${cpu.toFixed(0).padStart(5)} posts/s per core (CPU), ${wall.toFixed(0).padStart(5)} posts/s wall  [${count} runs; rounds of ${ROUND_CPU_SECONDS} s: median ${median.toFixed(0)}, ${low.toFixed(0)}-${high.toFixed(0)}]`);
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
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
report('seed', [seed]);
report('fixture posts', fixture);
const wrong = fixtureMismatches(site, fixture);
console.log(`fixture truth: ${fixture.length - new Set(wrong.map((line) => line.split(' ')[0])).size}/${fixture.length} posts exact (title, paragraphs, teaser keys)`);
for (const line of wrong.slice(0, 10)) console.log(`  ${line}`);
