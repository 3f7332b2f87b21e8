import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';

/** Queue names. Jobs carry only references; payloads stay in Postgres. */
export const QUEUE_NAMES = {
  /** One job per REST listing page to fetch and store raw. */
  fetch: 'fetch',
  /** One job per stored page: extract, dedupe and load its posts. */
  process: 'process',
  /** Scheduler work: incremental syncs (job schedulers) and end-of-run settle passes. */
  control: 'control',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** A page of a run to fetch. */
export interface FetchJobData {
  siteId: number;
  runId: number;
  page: number;
}
/** A fetched page whose stored posts are to be processed. */
export interface ProcessJobData {
  siteId: number;
  runId: number;
  page: number;
}
/** Scheduler work items: a scheduled sync, the daily id sweep for deleted posts, a run's settle pass. */
export type ControlJobData = { kind: 'sync'; siteId: number } | { kind: 'sweep'; siteId: number } | { kind: 'settle'; runId: number };

/** Attempts before a transient failure becomes a recorded permanent one. */
export const JOB_ATTEMPTS = 8;
/** First retry delay; doubles each attempt, with jitter (see `backoffDelay`). */
export const BACKOFF_BASE_MS = 500;

/** Deterministic job ids for one database. */
export interface JobIds {
  fetch(data: FetchJobData): string;
  process(data: ProcessJobData): string;
  /** One settle job per pass of a run: `pass` is `runs.passes` (0, then one more per resume). */
  settle(runId: number, pass: number): string;
}

/**
 * Job ids scoped to the database's identity (`instance` table): run ids restart at 1 in a re-created database, and
 * BullMQ silently ignores a new job whose id a kept finished job still holds. BullMQ forbids ':' in custom ids, so
 * '-' separates the parts.
 */
export function jobIdsFor(instance: string): JobIds {
  if (!/^[a-z0-9]+$/.test(instance)) throw new Error(`invalid database instance id: ${JSON.stringify(instance)}`);
  return {
    fetch: (data) => `fetch-${instance}-s${data.siteId}-r${data.runId}-p${data.page}`,
    process: (data) => `process-${instance}-s${data.siteId}-r${data.runId}-p${data.page}`,
    settle: (runId, pass) => (pass === 0 ? `settle-${instance}-r${runId}` : `settle-${instance}-r${runId}-x${pass}`),
  };
}

/** Defaults for every job: custom backoff (honours Retry-After), bounded history for dashboards. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'wpingest' },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  fetch: Queue<FetchJobData>;
  process: Queue<ProcessJobData>;
  control: Queue<ControlJobData>;
  /** Job ids for the database these queues serve. */
  ids: JobIds;
  all: Queue[];
  close(): Promise<void>;
}

/** Opens the three queues on one connection config with the given key prefix, for the database `instance`. */
export function openQueues(connection: ConnectionOptions, prefix: string, instance: string): Queues {
  const options = { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const fetch = new Queue<FetchJobData>(QUEUE_NAMES.fetch, options);
  const process = new Queue<ProcessJobData>(QUEUE_NAMES.process, options);
  const control = new Queue<ControlJobData>(QUEUE_NAMES.control, options);
  const all = [fetch, process, control] as Queue[];
  return { fetch, process, control, ids: jobIdsFor(instance), all, close: async () => void (await Promise.all(all.map((queue) => queue.close()))) };
}

/** BullMQ connection options from a redis:// URL (maxRetriesPerRequest null, as BullMQ workers require). */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
