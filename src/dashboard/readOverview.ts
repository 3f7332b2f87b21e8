import type { Pool } from '../db/createPool.js';
import { queryAll } from '../db/query.js';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { readDedupeFigures, type DedupeFigures } from '../load/readDedupeFigures.js';
import { redactUrl } from '../redactUrl.js';
import { hostOf, readCircuit } from '../scheduler/hostGate.js';
import { articlesPerDay, postsPerMinute, recentFailuresByReason, recentRunsProgress, sitesWithLastRun } from './dashboardQueries.js';
import { readQueueDepths, type QueueDepth } from './readQueueDepths.js';
import { runRates, type RunProgressRow, type RunRates } from './runRates.js';
import { sourceHealth, type Health } from './sourceHealth.js';

/** Sites listed on the overview. */
const OVERVIEW_SITES = 100;
/** Runs listed on the overview, newest first. */
const OVERVIEW_RUNS = 20;
/** Days of the articles-per-day chart. */
export const ARTICLES_PER_DAY_DAYS = 30;
/** Minutes of the posts-per-second chart. */
export const THROUGHPUT_MINUTES = 60;
/** How far back "recent errors" reach, in hours. */
const RECENT_FAILURES_HOURS = 24;
/** How far back a source's recorded failures make it "degraded", in hours. */
const SOURCE_FAILURE_HOURS = 1;
/** Error groups listed. */
const RECENT_FAILURE_GROUPS = 20;
/** Scheduler id prefix of a source's sync (see scheduler/controlJobs). */
const SYNC_SCHEDULER_PREFIX = 'sync-s';

/** What the overview reads from. */
export interface OverviewSources {
  pool: Pool;
  redis: Redis;
  queues: readonly Queue[];
  /** The deployment's key prefix, under which host circuits live. */
  queuePrefix: string;
}

export interface SiteOverview {
  id: number;
  /** The site URL, credentials removed. */
  url: string;
  enabled: boolean;
  syncCursor: Date | null;
  /** Sync period in ms; null when the site has no schedule. */
  everyMs: number | null;
  /** Requests per second allowed to its host; null means no limit. */
  ratePerS: number | null;
  /** Live articles the site provided. */
  articles: number;
  lastSyncAt: Date | null;
  /** When the scheduler runs its next sync; null when none is scheduled. */
  nextSyncAt: Date | null;
  health: Health;
  lastRun: { id: number; kind: string; status: string; createdAt: Date; finishedAt: Date | null; pagesFailed: number } | null;
}
export type RunOverview = RunProgressRow &
  RunRates & {
    siteId: number;
    /** True while the run is active and its host's circuit is open: it waits for the host, whatever the ETA says. */
    waitingForHost: boolean;
  };
export interface DayCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Articles whose published_at falls on the day. */
  published: number;
  /** Articles first stored on the day. */
  ingested: number;
}
export interface MinuteCount {
  /** Start of the minute. */
  at: Date;
  /** Posts processed in it. */
  posts: number;
}
export interface FailureGroup {
  stage: string;
  reason: string;
  count: number;
  permanent: boolean;
  lastSeen: Date;
  /** The newest message of the group. */
  sample: string;
}

/** Everything the overview page and `/api/overview` show. */
export interface Overview {
  generatedAt: Date;
  sites: SiteOverview[];
  runs: RunOverview[];
  queues: QueueDepth[];
  articlesPerDay: DayCount[];
  /** Posts processed per minute over the last hour, oldest first. */
  postsPerMinute: MinuteCount[];
  dedupe: DedupeFigures;
  failures: FailureGroup[];
  /** How far back `failures` reach, in hours. */
  failuresWindowHours: number;
}

type Circuit = Awaited<ReturnType<typeof readCircuit>>;

/** Reads the overview from Postgres, the queues and the host circuits in Redis, in parallel. */
export async function readOverview(from: OverviewSources, now: Date = new Date()): Promise<Overview> {
  const { pool } = from;
  const [sites, runs, depths, days, minutes, dedupe, failures, nextSyncs] = await Promise.all([
    queryAll<Record<string, unknown>>(pool, sitesWithLastRun(OVERVIEW_SITES, SOURCE_FAILURE_HOURS)),
    queryAll<RunProgressRow & { siteId: number; apiRoot: string | null }>(pool, recentRunsProgress(OVERVIEW_RUNS)),
    readQueueDepths(from.queues),
    queryAll<DayCount>(pool, articlesPerDay(ARTICLES_PER_DAY_DAYS)),
    queryAll<MinuteCount>(pool, postsPerMinute(THROUGHPUT_MINUTES)),
    readDedupeFigures(pool),
    queryAll<FailureGroup>(pool, recentFailuresByReason(RECENT_FAILURES_HOURS, RECENT_FAILURE_GROUPS)),
    readNextSyncs(from.queues),
  ]);
  const circuits = await readCircuits(from, [...sites.map((row) => row.apiRoot as string | null), ...runs.map((run) => run.apiRoot)]);
  return {
    generatedAt: now,
    sites: sites.map((row) => toSiteOverview(row, circuits, nextSyncs)),
    runs: runs.map(({ apiRoot, ...run }) => ({
      ...run,
      siteUrl: redactUrl(run.siteUrl),
      error: run.error === null ? null : redactUrl(run.error),
      ...runRates(run, now),
      waitingForHost: ['planning', 'running'].includes(run.status) && (circuitOf(circuits, apiRoot)?.open ?? false),
    })),
    queues: depths,
    articlesPerDay: days,
    postsPerMinute: minutes,
    dedupe: {
      ...dedupe,
      teaserOccurrences: Number(dedupe.teaserOccurrences),
      boilerplateBytesRemoved: Number(dedupe.boilerplateBytesRemoved),
      contentBytes: Number(dedupe.contentBytes),
    },
    failures: failures.map((f) => ({ ...f, sample: redactUrl(f.sample) })),
    failuresWindowHours: RECENT_FAILURES_HOURS,
  };
}

/** The circuit of every host among the API roots, keyed by host. */
async function readCircuits(from: OverviewSources, apiRoots: Array<string | null>): Promise<Map<string, Circuit>> {
  const hosts = [...new Set(apiRoots.filter((root): root is string => !!root).map(hostOf))];
  const read = await Promise.all(hosts.map(async (host) => [host, await readCircuit(from.redis, from.queuePrefix, host)] as const));
  return new Map(read);
}

function circuitOf(circuits: Map<string, Circuit>, apiRoot: string | null): Circuit | null {
  return apiRoot ? (circuits.get(hostOf(apiRoot)) ?? null) : null;
}

/** When each source's sync scheduler fires next, by site id (read from the control queue's job schedulers). */
async function readNextSyncs(queues: readonly Queue[]): Promise<Map<number, Date>> {
  const control = queues.find((queue) => queue.name === 'control');
  if (!control) return new Map();
  const schedulers = await control.getJobSchedulers(0, -1);
  const next = new Map<number, Date>();
  for (const scheduler of schedulers) {
    if (!scheduler.key.startsWith(SYNC_SCHEDULER_PREFIX) || !scheduler.next) continue;
    next.set(Number(scheduler.key.slice(SYNC_SCHEDULER_PREFIX.length)), new Date(scheduler.next));
  }
  return next;
}

function toSiteOverview(row: Record<string, unknown>, circuits: Map<string, Circuit>, nextSyncs: Map<number, Date>): SiteOverview {
  const lastRun =
    row.runId === null
      ? null
      : {
          id: Number(row.runId),
          kind: row.runKind as string,
          status: row.runStatus as string,
          createdAt: row.runCreatedAt as Date,
          finishedAt: row.runFinishedAt as Date | null,
          pagesFailed: Number(row.runPagesFailed ?? 0),
        };
  const id = Number(row.id);
  const enabled = row.enabled as boolean;
  const lastFailure = row.lastFailureReason ? { reason: row.lastFailureReason as string, message: redactUrl(row.lastFailureMessage as string) } : null;
  const circuit = circuitOf(circuits, row.apiRoot as string | null);
  const health = sourceHealth({
    enabled,
    circuit: circuit && { ...circuit, lastCause: circuit.lastCause && { ...circuit.lastCause, message: redactUrl(circuit.lastCause.message) } },
    recentFailures: Number(row.recentFailures ?? 0),
    lastFailure,
    lastRun,
  });
  return {
    id,
    url: redactUrl(row.url as string),
    enabled,
    syncCursor: row.syncCursor as Date | null,
    everyMs: row.everyMs === null ? null : Number(row.everyMs),
    ratePerS: row.ratePerS === null ? null : Number(row.ratePerS),
    articles: Number(row.articles ?? 0),
    lastSyncAt: row.lastSyncAt as Date | null,
    nextSyncAt: enabled && row.everyMs !== null ? (nextSyncs.get(id) ?? null) : null,
    health,
    lastRun,
  };
}
