import { z } from 'zod';
import { ConfigError } from './errors.js';

const urlWithProtocol = (protocols: readonly string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}//`);

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().min(1).max(1000);
/** Each running sync holds a Postgres connection for its site lock, besides the pool's: keep them few. */
const MAX_CONTROL_CONCURRENCY = 32;

/** Every setting wpingest reads from the environment, each next to its variable name and default. */
const ENV_SCHEMA = z.object({
  /** Redis for the BullMQ queues. */
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** Postgres, the source of truth; `wpingest migrate` creates the database if missing. */
  DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/wpingest'),
  /** Prefix of every BullMQ key, so several deployments (or tests) can share one Redis. */
  WPINGEST_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ . : -').default('wpingest'),
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
  WPINGEST_CONTROL_CONCURRENCY: z.coerce.number().int().min(1).max(MAX_CONTROL_CONCURRENCY).default(4),
  /** Requests in flight to one host at most, across every fetch process (politeness; a PHP site serves few at once). */
  WPINGEST_HOST_CONCURRENCY: positiveInt.default(4),
  /**
   * Key that encrypts the application passwords of private sites (`--auth`) in Postgres: 32 bytes as 64 hex
   * digits or base64. Needed only to add or crawl a site with credentials.
   */
  WPINGEST_SECRET_KEY: z.string().refine((value) => secretKeyBytes(value) !== undefined, 'must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)').optional(),
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
  };
}

/** The config with secrets masked, safe to log or show. */
export function redactConfig(config: Config): Record<string, unknown> {
  const maskUrl = (value: string) => {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  };
  return { ...config, redisUrl: maskUrl(config.redisUrl), databaseUrl: maskUrl(config.databaseUrl), dashboardToken: config.dashboardToken ? '***' : undefined, secretKey: config.secretKey ? '***' : undefined };
}
