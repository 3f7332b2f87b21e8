import { cpuByComponent } from './formatReport.js';
import type { MachineInfo } from './readMachineInfo.js';
import type { PipelineResult } from './runPipeline.js';

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

/** Whether the seeded run stayed within the tolerance of the empty one, on both posts/s and CPU per post. */
export function scaleCheckMet(result: ScaleCheckResult): boolean {
  const empty = runFigures(result.empty);
  const seeded = runFigures(result.seeded);
  return seeded.postsPerSecond >= (1 - SCALE_TOLERANCE) * empty.postsPerSecond && seeded.cpuMs <= (1 + SCALE_TOLERANCE) * empty.cpuMs;
}

export function formatScaleCheck(result: ScaleCheckResult): string {
  const empty = runFigures(result.empty);
  const seeded = runFigures(result.seeded);
  const seed = result.seeded.seeded;
  const row = (name: string, run: PipelineResult, figures: ReturnType<typeof runFigures>) =>
    [name, n0(run.rawPosts), n0(run.articles), n1(run.wallSeconds), n1(figures.postsPerSecond), n2(figures.nodeMs), n2(figures.postgresMs), n2(figures.cpuMs), n0(figures.peakRssMb), run.status];
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
      `(target: within ${SCALE_TOLERANCE * 100}%, i.e. ≥ ${100 - SCALE_TOLERANCE * 100}% and ≤ ${100 + SCALE_TOLERANCE * 100}%): **${scaleCheckMet(result) ? 'met' : 'not met'}**.`,
    '',
    seed
      ? `Seeded (set-based SQL, ${n1(seed.seconds)} s, then VACUUM ANALYZE) into the fixture's own source \`${seed.domain}\`: ${n0(seed.articles)} articles (with SimHash bands and block fingerprints), ` +
        `${n0(seed.teasers)} teasers, ${n0(seed.links)} article–teaser links, ${n0(seed.blockStats)} block counts, ${n0(seed.sightings)} block sightings. ` +
        'The source is then so large that none of the fixture\'s repeated blocks reaches the template share (10% of the source), so its bodies keep them: slightly more to store per post than on the empty database.'
      : '',
  ].join('\n');
}
