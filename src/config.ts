import { z } from 'zod';
import { ConfigError } from './errors.js';
import { redactUrl } from './redactUrl.js';

/** The URL if it parses with one of the protocols and names a host, else undefined. */
function parseServiceUrl(value: string, protocols: readonly string[]): URL | undefined {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '' ? url : undefined;
  } catch {
    return undefined;
  }
}

const urlWithProtocol = (protocols: readonly string[], example: string) =>
  z.string().refine((value) => parseServiceUrl(value, protocols) !== undefined, {
    error: (issue) => `must be a URL like ${example}, got "${redactUrl(String(issue.input))}"`,
  });

/** Databases a default Redis server has (`databases 16`); a higher index fails at connect time with no clue why. */
const REDIS_DATABASES = 16;

const redisUrl = urlWithProtocol(['redis:', 'rediss:'], 'redis://127.0.0.1:6379 or redis://host:6379/0').refine(
  (value) => {
    const path = parseServiceUrl(value, ['redis:', 'rediss:'])?.pathname ?? '';
    const db = path.replace(/^\//, '');
    return db === '' || (/^\d+$/.test(db) && Number(db) < REDIS_DATABASES);
  },
  { error: (issue) => `database must be a number from 0 to ${REDIS_DATABASES - 1} (the path of the URL), got "${redactUrl(String(issue.input))}"` },
);

/** A whole number in [min, max], read from a string, with a message a person can act on. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: (issue) => `must be a whole number from ${min} to ${max}, got "${String(issue.input)}"` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: (issue) => `must be a whole number from ${min} to ${max}, got ${String(issue.input)}` });

const port = wholeNumber(1, 65535);
const positiveInt = wholeNumber(1, 1000);
const msBetween = (min: number, max: number) => wholeNumber(min, max);
/** Each running sync holds a Postgres connection for its site lock, besides the pool's: keep them few. */
const MAX_CONTROL_CONCURRENCY = 32;

/** Every setting wpingest reads from the environment, each next to its variable name and default. */
const ENV_SCHEMA = z.object({
  /** Redis for the BullMQ queues. */
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** Postgres, the source of truth; `wpingest migrate` creates the database if missing. */
  DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:'], 'postgres://user@host:5432/database').default('postgres://postgres@127.0.0.1:5432/wpingest'),
  /** Prefix of every BullMQ key, so several deployments (or tests) can share one Redis. */
  WPINGEST_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ . : -')
    .default('wpingest'),
  /** Port of the dashboard, metrics and health endpoints. */
  DASHBOARD_PORT: port.default(3000),
  /** Bearer/basic token required to serve the dashboard beyond 127.0.0.1. */
  DASHBOARD_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** pino level. */
  WPINGEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Concurrent page fetches per fetch worker process. */
  WPINGEST_FETCH_CONCURRENCY: positiveInt.default(4),
  /** Concurrent page-process jobs per process worker process. */
  WPINGEST_PROCESS_CONCURRENCY: positiveInt.default(2),
  /**
   * Concurrent control jobs per scheduler process: scheduled syncs, daily sweeps and end-of-run settle passes,
   * so a settle pass does not wait behind long syncs of other sources (two syncs of one site never overlap).
   */
  WPINGEST_CONTROL_CONCURRENCY: wholeNumber(1, MAX_CONTROL_CONCURRENCY).default(4),
  /** Requests in flight to one host at most, across every fetch process (politeness; a PHP site serves few at once). */
  WPINGEST_HOST_CONCURRENCY: positiveInt.default(4),
  /**
   * Key that encrypts the application passwords of private sites (`--auth`) in Postgres: 32 bytes as 64 hex
   * digits or base64. Needed only to add or crawl a site with credentials.
   */
  WPINGEST_SECRET_KEY: z
    .string()
    .refine((value) => secretKeyBytes(value) !== undefined, 'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)')
    .optional(),
  /** Client-side limit on one Postgres query (pg `query_timeout`): a connection that went silent fails, then is retried. */
  WPINGEST_PG_QUERY_TIMEOUT_MS: msBetween(100, 3_600_000).default(60_000),
  /** Server-side limit on one statement (`statement_timeout`); below the query timeout, so the server cancels first. */
  WPINGEST_PG_STATEMENT_TIMEOUT_MS: msBetween(100, 3_600_000).default(45_000),
  /** Longest wait for a new Postgres connection (or a free pooled one). */
  WPINGEST_PG_CONNECT_TIMEOUT_MS: msBetween(100, 600_000).default(15_000),
  /** Longest one HTTP request may take, headers and body together, however steadily the bytes come. */
  WPINGEST_FETCH_DEADLINE_MS: msBetween(100, 3_600_000).default(120_000),
  /** Slowest body transfer accepted, in bytes per second averaged over the request (after a grace second). */
  WPINGEST_FETCH_MIN_BYTES_PER_S: wholeNumber(0, 1_000_000_000).default(2_048),
  /** Largest page listing accepted (bytes, after decompression). */
  WPINGEST_MAX_PAGE_BYTES: wholeNumber(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Most posts a site is believed to hold: an `X-WP-TotalPages` beyond this over `per_page` is a lie, capped and recorded. */
  WPINGEST_MAX_SITE_POSTS: wholeNumber(1, 1_000_000_000).default(5_000_000),
  /** How long shutdown waits for active jobs, then for open connections, before it exits anyway. */
  WPINGEST_SHUTDOWN_GRACE_MS: msBetween(0, 600_000).default(20_000),
  /** User-Agent sent to WordPress sites. */
  WPINGEST_USER_AGENT: z.string().min(1).default('wpingest/0.1 (+https://github.com/wpingest/wpingest)'),
});

export type Config = {
  redisUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  dashboardPort: number;
  dashboardToken: string | undefined;
  logLevel: z.infer<typeof ENV_SCHEMA>['WPINGEST_LOG_LEVEL'];
  fetchConcurrency: number;
  processConcurrency: number;
  controlConcurrency: number;
  hostConcurrency: number;
  userAgent: string;
  /** 32-byte key for stored site credentials, when WPINGEST_SECRET_KEY is set. */
  secretKey: Buffer | undefined;
  pgQueryTimeoutMs: number;
  pgStatementTimeoutMs: number;
  pgConnectTimeoutMs: number;
  fetchDeadlineMs: number;
  fetchMinBytesPerS: number;
  maxPageBytes: number;
  maxSitePosts: number;
  shutdownGraceMs: number;
};

/** The 32 key bytes of a hex or base64 WPINGEST_SECRET_KEY, or undefined when it is neither. */
function secretKeyBytes(value: string): Buffer | undefined {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/** Reads and validates the environment once; lists every problem at once and never falls back silently. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ENV_SCHEMA.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.WPINGEST_PG_STATEMENT_TIMEOUT_MS > e.WPINGEST_PG_QUERY_TIMEOUT_MS) {
    throw new ConfigError(
      'invalid configuration: WPINGEST_PG_STATEMENT_TIMEOUT_MS must not exceed WPINGEST_PG_QUERY_TIMEOUT_MS (the server should cancel a slow statement before the client gives up on it)',
    );
  }
  return {
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    queuePrefix: e.WPINGEST_QUEUE_PREFIX,
    dashboardPort: e.DASHBOARD_PORT,
    dashboardToken: e.DASHBOARD_TOKEN,
    logLevel: e.WPINGEST_LOG_LEVEL,
    fetchConcurrency: e.WPINGEST_FETCH_CONCURRENCY,
    processConcurrency: e.WPINGEST_PROCESS_CONCURRENCY,
    controlConcurrency: e.WPINGEST_CONTROL_CONCURRENCY,
    hostConcurrency: e.WPINGEST_HOST_CONCURRENCY,
    userAgent: e.WPINGEST_USER_AGENT,
    secretKey: e.WPINGEST_SECRET_KEY === undefined ? undefined : secretKeyBytes(e.WPINGEST_SECRET_KEY),
    pgQueryTimeoutMs: e.WPINGEST_PG_QUERY_TIMEOUT_MS,
    pgStatementTimeoutMs: e.WPINGEST_PG_STATEMENT_TIMEOUT_MS,
    pgConnectTimeoutMs: e.WPINGEST_PG_CONNECT_TIMEOUT_MS,
    fetchDeadlineMs: e.WPINGEST_FETCH_DEADLINE_MS,
    fetchMinBytesPerS: e.WPINGEST_FETCH_MIN_BYTES_PER_S,
    maxPageBytes: e.WPINGEST_MAX_PAGE_BYTES,
    maxSitePosts: e.WPINGEST_MAX_SITE_POSTS,
    shutdownGraceMs: e.WPINGEST_SHUTDOWN_GRACE_MS,
  };
}

/** The config with secrets masked, safe to log or show. */
export function redactConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    redisUrl: redactUrl(config.redisUrl),
    databaseUrl: redactUrl(config.databaseUrl),
    dashboardToken: config.dashboardToken ? '***' : undefined,
    secretKey: config.secretKey ? '***' : undefined,
  };
}
