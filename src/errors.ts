/**
 * Errors carry the retry decision. A `PermanentError` is recorded with its reason and never retried; a
 * `TransientError` is retried with backoff, after `retryAfterMs` when the server said so.
 */
export class WpingestError extends Error {
  /** Short machine-readable reason, used to group failures in `status`. */
  readonly reason: string;
  constructor(message: string, reason: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.reason = reason;
  }
}

/** Retrying cannot help: bad request, unparseable payload, refused redirect. */
export class PermanentError extends WpingestError {}

/** Retrying may help: timeout, connection reset, 5xx, 429, a database restarting. */
export class TransientError extends WpingestError {
  /** Milliseconds the server asked us to wait (Retry-After), if it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, reason: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, reason, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Bad configuration or command-line input: the program stops with a one-line message, exit 2. */
export class ConfigError extends WpingestError {
  constructor(message: string) {
    super(message, 'config');
  }
}

/** Postgres SQLSTATEs worth retrying: connection trouble, restarts, deadlocks, serialization failures. */
const RETRYABLE_PG_CODES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
  '57014', // query_canceled: our statement_timeout fired on a stalled connection or an overloaded server
  '25P03', // idle_in_transaction_session_timeout
]);
const RETRYABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND']);
/**
 * Messages of connection trouble that carries no retryable code: pg's own client errors, and a database
 * closed to connections (`ALLOW_CONNECTIONS false` during maintenance), whose SQLSTATE 55000 is too broad to list,
 * and pg-pool's `timeout exceeded when trying to connect` (no free connection within connectionTimeoutMillis on a busy box).
 */
const TRANSIENT_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|is not currently accepting connections|Query read timeout|Connection is closed|Stream isn't writeable|Reached the max retries per request limit/i;
/**
 * Error classes of the Redis client that only say the connection is down: ioredis gives up on a command after
 * `maxRetriesPerRequest` reconnects (`MaxRetriesPerRequestError`); a Redis outage must cost a retry, never a page.
 */
const TRANSIENT_NAMES = new Set(['MaxRetriesPerRequestError']);

/** True when an error from pg, ioredis or the network is worth retrying. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  if (error instanceof WpingestError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (RETRYABLE_PG_CODES.has(code) || RETRYABLE_NODE_CODES.has(code))) return true;
  if (error instanceof Error && TRANSIENT_NAMES.has(error.name)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return TRANSIENT_MESSAGES.test(message);
}

/** The reason string to record for an error. */
export function reasonOf(error: unknown): string {
  if (error instanceof WpingestError) return error.reason;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
