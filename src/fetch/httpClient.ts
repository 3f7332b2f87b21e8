import { Agent } from 'undici';

/** Connections kept per origin: WordPress (PHP) sites serve few requests in parallel anyway. */
const CONNECTIONS_PER_ORIGIN = 8;
const KEEP_ALIVE_TIMEOUT_MS = 10_000;

/** Options of the HTTP client; every field has a safe default. */
export interface HttpClientOptions {
  /** Sent on every request. */
  userAgent: string;
  /** Time to first byte of the headers. @defaultValue 30_000 */
  headersTimeoutMs?: number;
  /** Maximum gap between body chunks. @defaultValue 60_000 */
  bodyTimeoutMs?: number;
  /** Responses larger than this are refused (a 100-post page of seed-sized posts is ~4.5 MB). @defaultValue 64 MiB */
  maxBodyBytes?: number;
  /** Longest a whole request may take, headers and body, however steadily bytes arrive. @defaultValue 120_000 */
  deadlineMs?: number;
  /** Slowest average body transfer accepted after MIN_RATE_GRACE_MS (0: no minimum). @defaultValue 2048 */
  minBytesPerS?: number;
  /** Called once per request with the HTTP status (or the error reason when none came) and its duration, for metrics. */
  onResponse?: (status: string, seconds: number) => void;
}

export interface HttpClient {
  agent: Agent;
  userAgent: string;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  deadlineMs: number;
  minBytesPerS: number;
  onResponse: (status: string, seconds: number) => void;
  /**
   * `Authorization` values by origin (a private site's application password): sent only to that origin, never
   * logged. Filled by the workers from the site's stored credentials.
   */
  credentials: Map<string, string>;
  close(): Promise<void>;
}

/** Request headers for a URL: the User-Agent, and the origin's credentials when it has some. */
export function requestHeaders(client: HttpClient, url: URL, extra: Record<string, string> = {}): Record<string, string> {
  const authorization = client.credentials.get(url.origin);
  return { 'user-agent': client.userAgent, ...extra, ...(authorization ? { authorization } : {}) };
}

/** One undici connection pool per process, shared by every fetch. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const headersTimeoutMs = options.headersTimeoutMs ?? 30_000;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000;
  const agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    headersTimeout: headersTimeoutMs,
    bodyTimeout: bodyTimeoutMs,
  });
  return {
    agent,
    userAgent: options.userAgent,
    headersTimeoutMs,
    bodyTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
    deadlineMs: options.deadlineMs ?? 120_000,
    minBytesPerS: options.minBytesPerS ?? 2_048,
    onResponse: options.onResponse ?? (() => undefined),
    credentials: new Map(),
    close: () => agent.close(),
  };
}
