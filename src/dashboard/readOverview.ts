import type { Pool } from '../db/createPool.js';
import type { Queue } from 'bullmq';
import { readDedupeFigures, type DedupeFigures } from '../load/readDedupeFigures.js';
import { articlesPerDay, recentFailuresByReason, recentRunsProgress, sitesWithLastRun } from './dashboardQueries.js';
import { readQueueDepths, type QueueDepth } from './readQueueDepths.js';
import { runRates, type RunProgressRow, type RunRates } from './runRates.js';

/** Sites listed on the overview. */
const OVERVIEW_SITES = 100;
/** Runs listed on the overview, newest first. */
const OVERVIEW_RUNS = 20;
/** Days of the articles-per-day table. */
const ARTICLES_PER_DAY_DAYS = 30;
/** How far back "recent errors" reach, in hours. */
const RECENT_FAILURES_HOURS = 24;
/** Error groups listed. */
const RECENT_FAILURE_GROUPS = 20;

export interface SiteOverview {
  id: number;
  url: string;
  enabled: boolean;
  syncCursor: Date | null;
  lastRun: { id: number; kind: string; status: string; createdAt: Date; finishedAt: Date | null } | null;
}
export type RunOverview = RunProgressRow & RunRates;
export interface DayCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Articles whose published_at falls on the day. */
  published: number;
  /** Articles first stored on the day. */
  ingested: number;
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
  dedupe: DedupeFigures;
  failures: FailureGroup[];
  /** How far back `failures` reach, in hours. */
  failuresWindowHours: number;
}

/** Reads the overview from Postgres and the queues, in parallel. */
export async function readOverview(pool: Pool, queues: readonly Queue[], now: Date = new Date()): Promise<Overview> {
  const [sites, runs, depths, days, dedupe, failures] = await Promise.all([
    pool.query(sitesWithLastRun(OVERVIEW_SITES)),
    pool.query<RunProgressRow>(recentRunsProgress(OVERVIEW_RUNS)),
    readQueueDepths(queues),
    pool.query<DayCount>(articlesPerDay(ARTICLES_PER_DAY_DAYS)),
    readDedupeFigures(pool),
    pool.query<FailureGroup>(recentFailuresByReason(RECENT_FAILURES_HOURS, RECENT_FAILURE_GROUPS)),
  ]);
  return {
    generatedAt: now,
    sites: sites.rows.map(toSiteOverview),
    runs: runs.rows.map((run) => ({ ...run, ...runRates(run, now) })),
    queues: depths,
    articlesPerDay: days.rows,
    dedupe: { ...dedupe, teaserOccurrences: Number(dedupe.teaserOccurrences), boilerplateBytesRemoved: Number(dedupe.boilerplateBytesRemoved), contentBytes: Number(dedupe.contentBytes) },
    failures: failures.rows,
    failuresWindowHours: RECENT_FAILURES_HOURS,
  };
}

function toSiteOverview(row: Record<string, unknown>): SiteOverview {
  const lastRun = row.runId === null ? null : {
    id: row.runId as number,
    kind: row.runKind as string,
    status: row.runStatus as string,
    createdAt: row.runCreatedAt as Date,
    finishedAt: row.runFinishedAt as Date | null,
  };
  return { id: row.id as number, url: row.url as string, enabled: row.enabled as boolean, syncCursor: row.syncCursor as Date | null, lastRun };
}
