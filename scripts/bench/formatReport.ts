import type { BaselineResult } from './runCrawleeBaseline.js';
import type { MachineInfo } from './readMachineInfo.js';
import type { PipelineResult } from './runPipeline.js';
import type { StageProfile } from './profileStages.js';
import { STAGES, type Stage } from './stageMeter.js';

/** Everything one bench invocation measured. */
export interface BenchResult {
  startedAt: string;
  posts: number;
  workers: number;
  /** `--max-old-space-size` of each worker process. */
  workerHeapMb: number;
  quick: boolean;
  loadBefore: string;
  loadAfter: string;
  machine: MachineInfo;
  pipeline: PipelineResult;
  profile: StageProfile;
  baseline: BaselineResult | null;
}

/** What each profiled stage runs, in the words of the code. */
const STAGE_LABELS: Record<Stage, [group: string, calls: string]> = {
  fetch: ['fetch', 'fetchPostsPage, HTTP part (its JSON.parse subtracted)'],
  'json-parse': ['JSON parse', 'JSON.parse of the listing body'],
  terms: ['raw store', 'refreshTerms (term/author names)'],
  'raw-store': ['raw store', 'storeRawPosts (one multi-row upsert, in a transaction)'],
  'raw-read': [
    'process: read',
    'loadPostInputs (raw_posts payload back to objects; only for pages another process fetched: a worker processes its own pages from memory)',
  ],
  extract: ['extract', 'extractArticle'],
  'dedupe-stats': ['dedupe', 'recordBlockSightings + readBlockStats'],
  'dedupe-prep': ['dedupe', 'sightings, template set, prepareArticleRow'],
  load: ['load', 'loadRows + markPostsProcessed (one transaction)'],
};

const MB = 1024 * 1024;
const n0 = (value: number) => Math.round(value).toLocaleString('en-US');
const n1 = (value: number) => value.toFixed(1);
const n2 = (value: number) => value.toFixed(2);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const table = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

/** The report as Markdown: readable in a terminal and written as is to BENCH.md. */
export function formatReport(result: BenchResult): string {
  return [
    ...summary(result),
    '',
    ...targets(result),
    '',
    ...stages(result),
    '',
    ...queues(result),
    '',
    ...processes(result),
    '',
    ...postgres(result),
    '',
    ...baseline(result),
  ].join('\n');
}

/** End-to-end posts/s of the pipeline run. */
export function postsPerSecond(result: BenchResult): number {
  return result.pipeline.rawPosts / result.pipeline.wallSeconds;
}

function summary(result: BenchResult): string[] {
  const ours = postsPerSecond(result);
  const theirs = result.baseline?.postsPerSecond;
  return [
    `### Summary (${result.startedAt}, load average ${result.loadBefore} before, ${result.loadAfter} after, on ${result.machine.cores} cores)`,
    '',
    ...table(
      ['posts', 'worker processes', 'wall s', 'posts/s end to end', 'Crawlee posts/s', 'ratio', 'run status'],
      [
        [
          n0(result.pipeline.rawPosts),
          String(result.workers),
          n1(result.pipeline.wallSeconds),
          n1(ours),
          theirs ? n1(theirs) : 'not run',
          theirs ? `${n2(ours / theirs)}×` : '-',
          `${result.pipeline.status}${result.pipeline.error ? ` (${result.pipeline.error})` : ''}`,
        ],
      ],
    ),
  ];
}

function stages(result: BenchResult): string[] {
  const { costs, posts } = result.profile;
  const total = { cpu: 0, wall: 0 };
  for (const cost of costs.values()) {
    total.cpu += cost.cpuMs + cost.pgCpuMs;
    total.wall += cost.wallMs;
  }
  const rows = STAGES.map((stage) => {
    const cost = costs.get(stage)!;
    const cpu = cost.cpuMs + cost.pgCpuMs;
    const [group, calls] = STAGE_LABELS[stage];
    return [
      group,
      calls,
      n2(cost.cpuMs / posts),
      n2(cost.pgCpuMs / posts),
      n2(cpu / posts),
      pct(cpu / total.cpu),
      n2(cost.wallMs / posts),
      pct(cost.wallMs / total.wall),
    ];
  });
  rows.push(['**total**', '', '', '', `**${n2(total.cpu / posts)}**`, '100%', `**${n2(total.wall / posts)}**`, '100%']);
  return [
    `### Where the time goes: stage profile over ${n0(posts)} of the same posts (each stage alone, serially)`,
    '',
    ...table(['stage', 'calls', 'node CPU ms/post', 'Postgres CPU ms/post', 'CPU ms/post', 'share of CPU', 'wall ms/post', 'share of wall'], rows),
    '',
    `CPU ceiling from the profile: ${n0(1000 / (total.cpu / posts))} posts/s per core, ${n0((1000 * result.machine.cores) / (total.cpu / posts))} on ${result.machine.cores} cores (fixture site, Redis and queue bookkeeping not included).`,
  ];
}

function queues(result: BenchResult): string[] {
  const { pipeline } = result;
  const posts = pipeline.rawPosts || 1;
  const row = (name: string, q: PipelineResult['fetch']) => [
    name,
    n0(q.wait.count),
    n0(q.wait.median),
    n0(q.wait.p95),
    n0(q.wait.max),
    n0(q.run.median),
    n0(q.run.p95),
    n2(q.totalRunMs / posts),
  ];
  return [
    '### The real run: BullMQ jobs (ms)',
    '',
    ...table(
      ['queue', 'jobs', 'wait median', 'wait p95', 'wait max', 'run median', 'run p95', 'run ms/post (summed over jobs)'],
      [row('fetch', pipeline.fetch), row('process', pipeline.process)],
    ),
    '',
    `Queue wait is \`processedOn - timestamp\`; fetch jobs are all planned at the start, so their wait is mostly backlog. The end-of-run settle pass took ${n0(pipeline.settleMs)} ms; the full-text index caught up ${pipeline.searchIndexSeconds.toFixed(1)} s after the run was done (indexing is off the ingest path; the CPU figures include it).`,
  ];
}

function processes(result: BenchResult): string[] {
  const { pipeline } = result;
  const posts = pipeline.rawPosts || 1;
  const rows = pipeline.processes.map((usage) => [usage.name, n1(usage.cpuMs / 1000), n2(usage.cpuMs / posts), n0(usage.peakRss / MB)]);
  rows.push([
    `Postgres backends of the run's database (${pipeline.postgresCpuMs > 0 ? 'sampled' : 'none seen'})`,
    n1(pipeline.postgresCpuMs / 1000),
    n2(pipeline.postgresCpuMs / posts),
    '-',
  ]);
  rows.push(['Redis server (shared with other users of it)', n1(pipeline.redisCpuMs / 1000), n2(pipeline.redisCpuMs / posts), '-']);
  const parts = cpuByComponent(pipeline);
  return [
    '### The real run: processes',
    '',
    ...table(['process', 'CPU s', 'CPU ms/post', 'peak RSS MB'], rows),
    '',
    `Peak RSS is VmHWM from /proc for child processes and sampled \`process.memoryUsage().rss\` for the bench process. \`wpingest run\` gives its worker processes \`--max-old-space-size=${result.workerHeapMb}\` (\`--worker-heap-mb\`).`,
    '',
    '**CPU ms per post by component**',
    '',
    ...table(
      ['node (wpingest run + its workers)', 'Postgres', 'node + Postgres', 'Redis', 'fixture site (not pipeline)', 'bench process'],
      [[parts.node, parts.postgres, parts.node + parts.postgres, parts.redis, parts.site, parts.bench].map((ms) => n2(ms / posts))],
    ),
  ];
}

/** CPU ms of the run by component: the service's node processes, Postgres, Redis, the fixture site, the bench itself. */
export function cpuByComponent(pipeline: PipelineResult): { node: number; postgres: number; redis: number; site: number; bench: number } {
  const sum = (keep: (usage: PipelineResult['processes'][number]) => boolean) =>
    pipeline.processes.filter(keep).reduce((total, usage) => total + usage.cpuMs, 0);
  return {
    node: sum((usage) => isService(usage.name)),
    postgres: pipeline.postgresCpuMs,
    redis: pipeline.redisCpuMs,
    site: sum((usage) => usage.pid === pipeline.fixtureSitePid),
    bench: sum((usage) => usage.name === 'bench'),
  };
}

function isService(name: string): boolean {
  return name.startsWith('worker') || name.startsWith('wpingest run');
}

function postgres(result: BenchResult): string[] {
  const { pipeline } = result;
  return [
    '### The real run: Postgres',
    '',
    ...table(
      ['raw posts', 'articles', 'failures', 'rows stored', 'rows stored/s', 'row writes (ins+upd)', 'row writes/s'],
      [
        [
          n0(pipeline.rawPosts),
          n0(pipeline.articles),
          n0(pipeline.failures),
          n0(pipeline.rowsStored),
          n0(pipeline.rowsStored / pipeline.wallSeconds),
          n0(pipeline.rowWrites),
          n0(pipeline.rowWrites / pipeline.wallSeconds),
        ],
      ],
    ),
  ];
}

function baseline(result: BenchResult): string[] {
  const run = result.baseline;
  if (!run) return ['### Crawlee baseline', '', 'Not run (`--no-baseline`).'];
  return [
    '### Crawlee baseline (CheerioCrawler in its own process, same fixture site, results in memory)',
    '',
    ...table(
      ['posts', 'pages', 'wall s', 'posts/s', 'CPU ms/post', 'posts with .c-article-content', 'failed requests', 'retries', 'peak RSS MB'],
      [
        [
          n0(run.posts),
          n0(run.pages),
          n1(run.wallSeconds),
          n1(run.postsPerSecond),
          run.cpuMs ? n2(run.cpuMs / run.posts) : '-',
          n0(run.withArticleContent),
          n0(run.failedRequests),
          n0(run.retries),
          n0(run.memory.peakRss / MB),
        ],
      ],
    ),
    ...cpuComparison(result, run),
  ];
}

/** The issue's targets for this run: met or not, and for throughput the CPU ceiling that bounds it. */
export const TARGETS = { postsPerSecond: 600, crawleeRatio: 2, peakRssMb: 300, nodePostgresMsPerPost: 4 };

function targets(result: BenchResult): string[] {
  const ours = postsPerSecond(result);
  const cpuMsPerPost = pipelineCpuMs(result.pipeline) / (result.pipeline.rawPosts || 1);
  // Every CPU the pipeline used (workers, scheduler, Postgres, Redis; not the fixture site) spread over all cores.
  const ceiling = cpuMsPerPost > 0 ? (1000 * result.machine.cores) / cpuMsPerPost : 0;
  const workers = result.pipeline.processes.filter((usage) => isService(usage.name));
  const parts = cpuByComponent(result.pipeline);
  const nodePostgres = (parts.node + parts.postgres) / (result.pipeline.rawPosts || 1);
  const peakRss = Math.max(0, ...workers.map((usage) => usage.peakRss / MB));
  const theirs = result.baseline?.postsPerSecond;
  const verdict = (met: boolean) => (met ? 'met' : 'not met');
  const rows = [
    [
      `end to end ≥ ${TARGETS.postsPerSecond} posts/s`,
      n1(ours),
      verdict(ours >= TARGETS.postsPerSecond),
      `CPU ceiling ${n0(ceiling)} posts/s: the pipeline used ${n2(cpuMsPerPost)} CPU ms per post on ${result.machine.cores} cores; ${TARGETS.postsPerSecond} posts/s needs ≤ ${n2((1000 * result.machine.cores) / TARGETS.postsPerSecond)}`,
    ],
    [
      `≥ ${TARGETS.crawleeRatio}× Crawlee`,
      theirs ? `${n2(ours / theirs)}×` : 'not run',
      theirs ? verdict(ours / theirs >= TARGETS.crawleeRatio) : '-',
      theirs ? `${TARGETS.crawleeRatio}× needs ${n0(TARGETS.crawleeRatio * theirs)} posts/s; the CPU ceiling above is ${n2(ceiling / theirs)}× Crawlee` : '',
    ],
    [
      `node + Postgres ≤ ${TARGETS.nodePostgresMsPerPost} CPU ms per post`,
      n2(nodePostgres),
      verdict(nodePostgres <= TARGETS.nodePostgresMsPerPost),
      "the service's node processes and the Postgres backends of its database, over the whole run",
    ],
    [
      `peak RSS < ${TARGETS.peakRssMb} MB per process of the service`,
      n0(peakRss),
      verdict(peakRss < TARGETS.peakRssMb),
      `worker processes run with a ${result.workerHeapMb} MB heap limit; the fixture site is not pipeline`,
    ],
  ];
  return ['### Targets', '', ...table(['target', 'measured', '', 'bound'], rows)];
}

/** On a shared machine wall time depends on others' load; CPU per post compares the work itself. */
function cpuComparison(result: BenchResult, run: BaselineResult): string[] {
  if (!run.cpuMs) return [];
  const ours = pipelineCpuMs(result.pipeline) / (result.pipeline.rawPosts || 1);
  const theirs = run.cpuMs / run.posts;
  return [
    '',
    `CPU per post, fixture site excluded: wpingest ${n2(ours)} ms (wpingest run and its workers, Postgres, Redis), Crawlee ${n2(theirs)} ms: ratio ${n2(theirs / ours)}× in posts per CPU second.`,
  ];
}

/** Every CPU the pipeline used: the service's processes, Postgres, Redis (not the fixture site, not the bench polling). */
function pipelineCpuMs(pipeline: PipelineResult): number {
  const parts = cpuByComponent(pipeline);
  return parts.node + parts.postgres + parts.redis;
}

/** The machine and versions, for BENCH.md. */
export function formatMachine(machine: MachineInfo): string {
  return [
    `- machine: ${machine.cores} cores (nproc), ${machine.cpuModel}, ${n1(machine.memoryGiB)} GiB memory`,
    `- node ${machine.node}; ${machine.postgres}; Redis ${machine.redis}`,
    `- packages: ${Object.entries(machine.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  ].join('\n');
}
