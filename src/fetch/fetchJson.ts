import { errors as undiciErrors } from 'undici';
import { PermanentError, TransientError } from '../errors.js';
import { requestHeaders, type HttpClient } from './httpClient.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { escapesUnstorableBytes, firstSignificantByte, parseJsonBuffer } from './parseJsonBuffer.js';
import { splitJsonArray, type JsonArrayItems } from './splitJsonArray.js';
import { readBody } from './readBody.js';
import { requestGuard } from './requestGuard.js';

/** Same-origin redirects followed per request (real WP 301s `/wp-json/x` to `/wp-json/x/`). */
const MAX_REDIRECTS = 3;

export interface JsonResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined when `items` holds it. */
  body: unknown;
  /** A successful array body found but not parsed, when asked for (`arrayItems`): its items are parsed one by one. */
  items?: JsonArrayItems;
  bytes: number;
  url: string;
  /**
   * The body text escapes a NUL or a UTF-16 surrogate (`\u0000`, `\ud800`-`\udfff`), the only ways a JSON text
   * can carry characters Postgres cannot store: when false, no string in `body` needs cleaning.
   */
  escapesUnstorable: boolean;
}

/**
 * GETs a URL and parses its JSON body. Transient trouble (network, timeouts, 429, 5xx, truncated JSON) throws
 * `TransientError`; permanent trouble (other 4xx, not JSON, too large, off-origin redirect) throws
 * `PermanentError`; WordPress 400 errors are returned as values so callers can read their `code`.
 */
export async function fetchJson(client: HttpClient, url: string, signal?: AbortSignal, options: { arrayItems?: boolean } = {}): Promise<JsonResponse> {
  const guard = requestGuard(url, client, signal);
  try {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await request(client, current, guard);
      if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
        await response.body.dump();
        current = checkRedirect(current, String(response.headers.location));
        continue;
      }
      return await readResponse(client, current, response, guard, options.arrayItems ?? false);
    }
    throw new PermanentError(`too many redirects from ${url}`, 'redirect-loop');
  } catch (error) {
    // A limit that aborted the request is the cause, whatever error the abort surfaced as.
    throw guard.failure() ?? error;
  } finally {
    guard.done();
  }
}

type UndiciResponse = Awaited<ReturnType<HttpClient['agent']['request']>>;
type Guard = ReturnType<typeof requestGuard>;

async function request(client: HttpClient, url: string, guard: Guard): Promise<UndiciResponse> {
  const target = new URL(url);
  const started = performance.now();
  try {
    const response = await client.agent.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'GET',
      headers: requestHeaders(client, target, { accept: 'application/json' }),
      signal: guard.signal,
    });
    client.onResponse(String(response.statusCode), (performance.now() - started) / 1000);
    return response;
  } catch (error) {
    const limit = guard.failure();
    if (guard.signal.aborted && !limit) throw error;
    const reason = limit?.reason ?? (error instanceof undiciErrors.HeadersTimeoutError ? 'timeout' : ((error as { code?: string }).code ?? 'network'));
    client.onResponse(reason, (performance.now() - started) / 1000);
    throw limit ?? new TransientError(`GET ${url} failed: ${(error as Error).message}`, reason, { cause: error });
  }
}

/** Follows only redirects to the same origin: URLs inside posts and other hosts are never fetched. */
function checkRedirect(from: string, location: string): string {
  const next = new URL(location, from);
  if (next.origin !== new URL(from).origin) {
    throw new PermanentError(`refused redirect from ${from} to another origin (${next.origin})`, 'off-origin-redirect');
  }
  return next.toString();
}

async function readResponse(client: HttpClient, url: string, response: UndiciResponse, guard: Guard, arrayItems: boolean): Promise<JsonResponse> {
  const { statusCode: status, headers } = response;
  if (status === 429 || status >= 500) {
    await response.body.dump();
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    throw new TransientError(`GET ${url} answered ${status}`, `http-${status}`, { retryAfterMs });
  }
  guard.bodyStarted();
  const raw = await readBody({ url, body: response.body, headers, maxBytes: client.maxBodyBytes, onBytes: (n) => guard.bytes(n) });
  const bytes = raw.length;
  const contentType = String(headers['content-type'] ?? '');
  const escapesUnstorable = escapesUnstorableBytes(raw);
  if (arrayItems && status < 300 && firstSignificantByte(raw) === 0x5b) {
    return { status, headers, body: undefined, items: arrayItemsOf(url, raw), bytes, url, escapesUnstorable };
  }
  const body = parseBody(url, status, raw, contentType);
  if (status >= 400 && status !== 400) {
    const code = (body as { code?: unknown })?.code;
    if (status === 401) throw authFailure(url, typeof code === 'string' ? code : 'http-401');
    throw new PermanentError(`GET ${url} answered ${status}${typeof code === 'string' ? ` (${code})` : ''}`, `http-${status}`);
  }
  return { status, headers, body, bytes, url, escapesUnstorable };
}

/** WordPress answered 401: wrong, revoked or missing credentials; retrying cannot help. */
export class AuthError extends PermanentError {}

/**
 * A 401 as one clear permanent failure whose reason is WordPress's own code (`incorrect_password`,
 * `invalid_username`, `rest_not_logged_in`, `rest_forbidden`...). The credentials themselves are never in the message.
 */
function authFailure(url: string, code: string): AuthError {
  const origin = new URL(url).origin;
  return new AuthError(`${origin} refused the credentials (401 ${code}): check --auth user:application-password`, code);
}

function isJson(raw: Buffer, contentType: string): boolean {
  const first = firstSignificantByte(raw);
  return /json/i.test(contentType) || first === 0x5b || first === 0x7b;
}

function parseBody(url: string, status: number, raw: Buffer, contentType: string): unknown {
  if (!isJson(raw, contentType)) {
    // An HTML page with status 200 is typically a cache, proxy or PHP error page: worth another try.
    throw new TransientError(`GET ${url} answered ${status} with ${contentType || 'no content type'}, not JSON`, 'not-json');
  }
  return malformedAsTransient(url, () => parseJsonBuffer(raw));
}

/** A body that starts as JSON but does not parse was almost always cut off in transit: worth another try. */
function malformedAsTransient<T>(url: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new TransientError(`GET ${url}: malformed JSON (${(error as Error).message})`, 'malformed-json', { cause: error });
  }
}

/** The items of an array body, each checked as it is parsed with the same verdict as a whole body. */
function arrayItemsOf(url: string, raw: Buffer): JsonArrayItems {
  const items = malformedAsTransient(url, () => splitJsonArray(raw));
  return { ...items, parse: (index) => malformedAsTransient(url, () => items.parse(index)) };
}
