import { cpuByComponent } from './formatReport.js';
import type { MachineInfo } from './readMachineInfo.js';
import type { BackfillOutput, PipelineResult } from './runPipeline.js';
import { SEEDED_DOMAIN_SUFFIX, type SeedResult } from './seedArticles.js';

/** The million-article check: the same backfill on an empty database and on a seeded one. */
export interface ScaleCheckResult {
  startedAt: string;
  loadBefore: string;
  loadAfter: string;
  machine: MachineInfo;
  workers: number;
  empty: PipelineResult;
  seeded: PipelineResult;
}

/** Posts/s and CPU per post on top of the seeded articles may be at most this much worse. */
export const SCALE_TOLERANCE = 0.15;

const MB = 1024 * 1024;
const n1 = (value: number) => value.toFixed(1);
const n2 = (value: number) => value.toFixed(2);
const n0 = (value: number) => Math.round(value).toLocaleString('en-US');

/** Figures of one run that the comparison uses. */
export function runFigures(run: PipelineResult): { postsPerSecond: number; nodeMs: number; postgresMs: number; cpuMs: number; peakRssMb: number } {
  const posts = run.rawPosts || 1;
  const parts = cpuByComponent(run);
  const service = run.processes.filter((usage) => usage.name.startsWith('worker') || usage.name.startsWith('wpingest run'));
  return {
    postsPerSecond: run.rawPosts / run.wallSeconds,
    nodeMs: parts.node / posts,
    postgresMs: parts.postgres / posts,
    cpuMs: (parts.node + parts.postgres + parts.redis) / posts,
    peakRssMb: Math.max(0, ...service.map((usage) => usage.peakRss / MB)),
  };
}

/** The figures of what each backfill stored that differ between the two runs (none when the output is the same). */
export function outputDifferences(result: ScaleCheckResult): Array<keyof BackfillOutput> {
  const empty = result.empty.output;
  const seeded = result.seeded.output;
  return (Object.keys(OUTPUT_LABELS) as Array<keyof BackfillOutput>).filter((key) => empty[key] !== seeded[key]);
}

/**
 * Whether the seeded run stored the same as the empty one and stayed within the tolerance of it, on both
 * posts/s and CPU per post. A different output would mean the seed changed what the backfill does, not only
 * how big the database is.
 */
export function scaleCheckMet(result: ScaleCheckResult): boolean {
  const empty = runFigures(result.empty);
  const seeded = runFigures(result.seeded);
  return (
    outputDifferences(result).length === 0 &&
    seeded.postsPerSecond >= (1 - SCALE_TOLERANCE) * empty.postsPerSecond &&
    seeded.cpuMs <= (1 + SCALE_TOLERANCE) * empty.cpuMs
  );
}

/** Row names of the output comparison. */
const OUTPUT_LABELS: Record<keyof BackfillOutput, string> = {
  articles: 'articles',
  bodyChars: 'characters of body text',
  templateBlocksRemoved: 'template blocks removed (summed over articles)',
  clusters: 'near-duplicate clusters',
  blockCounts: 'block counts',
  teasers: 'teasers',
  teaserLinks: 'article–teaser links',
  digest: 'digest (URL, content hash, template blocks, body of every article)',
};

function formatOutputs(result: ScaleCheckResult): string[] {
  const differences = outputDifferences(result);
  const value = (run: PipelineResult, key: keyof BackfillOutput) => (key === 'digest' ? `\`${run.output.digest}\`` : n0(Number(run.output[key])));
  return [
    '| stored by the backfill (seeded sources left out) | empty database | seeded database |',
    '|---|---|---|',
    ...(Object.keys(OUTPUT_LABELS) as Array<keyof BackfillOutput>).map(
      (key) => `| ${OUTPUT_LABELS[key]} | ${value(result.empty, key)} | ${value(result.seeded, key)} |`,
    ),
    '',
    differences.length === 0
      ? 'The backfill stored **the same** on both databases: the seeded run measures the size of the database, not different work.'
      : `The backfill stored **different** output on the seeded database (${differences.map((key) => OUTPUT_LABELS[key]).join(', ')}): the comparison is not of the same work.`,
  ];
}

function describeSeed(seed: SeedResult): string {
  const rows = (name: string) => n0(seed.rows[name] ?? 0);
  return (
    `Seeded (set-based SQL, ${n1(seed.seconds)} s, then VACUUM ANALYZE): ${n0(seed.articles)} articles over ${n0(seed.sources)} other sources ` +
    `(\`*${SEEDED_DOMAIN_SUFFIX}\`, Zipf-sized: ${n0(seed.largestSource)} articles in the largest, ${n0(seed.smallestSource)} in the smallest), each article with SimHash bands, ` +
    `block fingerprints, its WP post (small payload), provenance rows and post figures; ${rows('teasers')} teasers, ${rows('article_teasers')} article–teaser links ` +
    `(as many post–teaser links, on the posts' figures rows), ${rows('block_stats')} block counts, ${rows('block_sightings')} block sightings. None is of the fixture's source: its template ` +
    'decisions depend on its own article count, which must be what it is on the empty database.'
  );
}

export function formatScaleCheck(result: ScaleCheckResult): string {
  const empty = runFigures(result.empty);
  const seeded = runFigures(result.seeded);
  const seed = result.seeded.seeded;
  const row = (name: string, run: PipelineResult, figures: ReturnType<typeof runFigures>) => [
    name,
    n0(run.rawPosts),
    n0(run.articles),
    n1(run.wallSeconds),
    n1(figures.postsPerSecond),
    n2(figures.nodeMs),
    n2(figures.postgresMs),
    n2(figures.cpuMs),
    n0(figures.peakRssMb),
    run.status,
  ];
  const rate = seeded.postsPerSecond / empty.postsPerSecond;
  const cpu = seeded.cpuMs / empty.cpuMs;
  return [
    `### Summary (${result.startedAt}, load average ${result.loadBefore} before, ${result.loadAfter} after, on ${result.machine.cores} cores)`,
    '',
    '| database | posts | articles after | wall s | posts/s | node CPU ms/post | Postgres CPU ms/post | CPU ms/post (with Redis) | peak RSS MB | run status |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${row('empty', result.empty, empty).join(' | ')} |`,
    `| ${row(`seeded with ${n0(seed?.articles ?? 0)} articles`, result.seeded, seeded).join(' | ')} |`,
    '',
    `On top of the seeded articles: **${n1(100 * rate)}%** of the empty database's posts/s, **${n1(100 * cpu)}%** of its CPU per post ` +
      `(target: within ${SCALE_TOLERANCE * 100}%, i.e. ≥ ${100 - SCALE_TOLERANCE * 100}% and ≤ ${100 + SCALE_TOLERANCE * 100}%, with the same output): **${scaleCheckMet(result) ? 'met' : 'not met'}**.`,
    '',
    ...formatOutputs(result),
    '',
    seed ? describeSeed(seed) : '',
  ].join('\n');
}
