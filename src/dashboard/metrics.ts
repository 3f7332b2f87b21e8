import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Names of every metric wpingest exports, so callers and tests never retype them. */
export const METRIC_NAMES = {
  jobs: 'wpingest_jobs',
  postsTotal: 'wpingest_posts_total',
  articlesTotal: 'wpingest_articles_total',
  deletedArticlesTotal: 'wpingest_deleted_articles_total',
  emptyBodyArticlesTotal: 'wpingest_empty_body_articles_total',
  searchPendingArticles: 'wpingest_search_pending_articles',
  teasersTotal: 'wpingest_teasers_total',
  duplicatePostsMergedTotal: 'wpingest_duplicate_posts_merged_total',
  dedupeRatio: 'wpingest_dedupe_ratio',
  syncCursorLagSeconds: 'wpingest_sync_cursor_lag_seconds',
  runPages: 'wpingest_run_pages',
  fetchDurationSeconds: 'wpingest_fetch_duration_seconds',
  httpResponsesTotal: 'wpingest_http_responses_total',
} as const;

/** Histogram buckets for one REST page fetch, in seconds (pages of 100 posts take seconds, not milliseconds). */
const FETCH_DURATION_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** What the scrape-time gauges show; read from Postgres and Redis once per scrape. */
export interface MetricsSnapshot {
  /** Job counts by queue and BullMQ state. */
  jobs: { queue: string; state: string; count: number }[];
  /** Rows in raw_posts. */
  posts: number;
  /** Live articles (articles rows without `deleted_at`). */
  articles: number;
  /** Articles whose posts were all deleted on their sites (`deleted_at` set); kept, not counted in `articles`. */
  deletedArticles: number;
  /** Live articles stored without body text (protected or text-less posts, or text extraction did not keep). */
  emptyBodies: number;
  /** Articles not yet in the full-text index (indexed when a run ends and while idle; searches find them anyway). */
  searchPending: number;
  /** Rows in teasers. */
  teasers: number;
  /** WP posts that were folded into an article another post already provided. */
  duplicatePostsMerged: number;
  /** Seconds since each site's last successful sync (sites that never synced are left out). */
  syncCursorLag: { site: string; seconds: number }[];
  /** Page counts by run and page status, for recent runs. */
  runPages: { run: string; state: string; count: number }[];
}

/** Reads a snapshot; called at scrape time. */
export type SnapshotReader = () => Promise<MetricsSnapshot>;

/** The instruments of one registry. */
export interface Metrics {
  /** Its own registry (never prom-client's global one), so several can live in one process. */
  registry: Registry;
  /** Duration of one page fetch, seconds. */
  fetchDuration: Histogram<'status'>;
  /** HTTP responses from WordPress sites by status ('error' when no response came). */
  httpResponses: Counter<'status'>;
  /** Sets where the scrape-time gauges read from; `undefined` leaves them empty. */
  setSnapshotReader(reader: SnapshotReader | undefined): void;
  /** The current reader, so a dashboard can unbind only its own. */
  snapshotReader(): SnapshotReader | undefined;
}

/** Creates a registry with every wpingest instrument; gauges are collected when scraped. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  let reader: SnapshotReader | undefined;
  let inflight: Promise<MetricsSnapshot | undefined> | undefined;
  // Every gauge's collect() runs in the same scrape: they share one read instead of querying eight times.
  const snapshot = (): Promise<MetricsSnapshot | undefined> => {
    inflight ??= (reader ? reader() : Promise.resolve(undefined)).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  registerSnapshotGauges(registry, snapshot);
  const fetchDuration = new Histogram({
    name: METRIC_NAMES.fetchDurationSeconds,
    help: 'Duration of one WordPress REST page fetch, in seconds.',
    labelNames: ['status'] as const,
    buckets: FETCH_DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
  const httpResponses = new Counter({
    name: METRIC_NAMES.httpResponsesTotal,
    help: "HTTP responses received from WordPress sites, by status code ('error' when none came).",
    labelNames: ['status'] as const,
    registers: [registry],
  });
  return {
    registry,
    fetchDuration,
    httpResponses,
    setSnapshotReader: (next) => void (reader = next),
    snapshotReader: () => reader,
  };
}

type ReadSnapshot = () => Promise<MetricsSnapshot | undefined>;

function registerSnapshotGauges(registry: Registry, snapshot: ReadSnapshot): void {
  const registers = [registry];
  new Gauge({
    name: METRIC_NAMES.jobs,
    help: 'BullMQ jobs by queue and state.',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      const data = await snapshot();
      this.reset();
      for (const row of data?.jobs ?? []) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  scalarGauge(registry, METRIC_NAMES.postsTotal, 'WordPress posts stored (raw_posts rows).', snapshot, (s) => s.posts);
  scalarGauge(registry, METRIC_NAMES.articlesTotal, 'Live articles stored (articles rows not marked deleted).', snapshot, (s) => s.articles);
  scalarGauge(
    registry,
    METRIC_NAMES.deletedArticlesTotal,
    'Articles whose posts were all deleted on their sites (rows kept, marked deleted).',
    snapshot,
    (s) => s.deletedArticles,
  );
  scalarGauge(
    registry,
    METRIC_NAMES.emptyBodyArticlesTotal,
    "Live articles stored without body text; the worker log gives each one's reason (alert when it grows).",
    snapshot,
    (s) => s.emptyBodies,
  );
  scalarGauge(
    registry,
    METRIC_NAMES.searchPendingArticles,
    'Articles waiting for the full-text index (it catches up when a run ends and while the pipeline is idle).',
    snapshot,
    (s) => s.searchPending,
  );
  scalarGauge(registry, METRIC_NAMES.teasersTotal, 'Distinct teasers stored (teasers rows).', snapshot, (s) => s.teasers);
  scalarGauge(
    registry,
    METRIC_NAMES.duplicatePostsMergedTotal,
    'WordPress posts merged into an article another post already provided.',
    snapshot,
    (s) => s.duplicatePostsMerged,
  );
  scalarGauge(
    registry,
    METRIC_NAMES.dedupeRatio,
    'Share of posts that did not become an article of their own: 1 - (articles + deleted articles) / posts.',
    snapshot,
    (s) => (s.posts > 0 ? 1 - (s.articles + s.deletedArticles) / s.posts : 0),
  );
  new Gauge({
    name: METRIC_NAMES.syncCursorLagSeconds,
    help: "Seconds since each site's last successful incremental sync.",
    labelNames: ['site'] as const,
    registers,
    async collect() {
      const data = await snapshot();
      this.reset();
      for (const row of data?.syncCursorLag ?? []) this.set({ site: row.site }, row.seconds);
    },
  });
  new Gauge({
    name: METRIC_NAMES.runPages,
    help: 'Pages of recent runs by page status.',
    labelNames: ['run', 'state'] as const,
    registers,
    async collect() {
      const data = await snapshot();
      this.reset();
      for (const row of data?.runPages ?? []) this.set({ run: row.run, state: row.state }, row.count);
    },
  });
}

function scalarGauge(registry: Registry, name: string, help: string, snapshot: ReadSnapshot, pick: (s: MetricsSnapshot) => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const data = await snapshot();
      if (data) this.set(pick(data));
      else this.reset();
    },
  });
}

let shared: Metrics | undefined;

/** The process-wide instruments: `observeFetch()` without a registry records here and the dashboard serves them. */
export function processMetrics(): Metrics {
  shared ??= createMetrics();
  return shared;
}
