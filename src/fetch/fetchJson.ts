import { errors as undiciErrors } from 'undici';
import { PermanentError, TransientError } from '../errors.js';
import { requestHeaders, type HttpClient } from './httpClient.js';
import { parseRetryAfter } from './parseRetryAfter.js';

/** Same-origin redirects followed per request (real WP 301s `/wp-json/x` to `/wp-json/x/`). */
const MAX_REDIRECTS = 3;

export interface JsonResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body. */
  body: unknown;
  bytes: number;
  url: string;
  /**
   * The body text escapes a NUL or a UTF-16 surrogate (`\u0000`, `\ud800`-`\udfff`), the only ways a JSON text
   * can carry characters Postgres cannot store: when false, no string in `body` needs cleaning.
   */
  escapesUnstorable: boolean;
}

/** A NUL or surrogate escape in JSON text (a pair escaped as two `\u` sequences matches too: it is then checked). */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * GETs a URL and parses its JSON body. Transient trouble (network, timeouts, 429, 5xx, truncated JSON) throws
 * `TransientError`; permanent trouble (other 4xx, not JSON, too large, off-origin redirect) throws
 * `PermanentError`; WordPress 400 errors are returned as values so callers can read their `code`.
 */
export async function fetchJson(client: HttpClient, url: string, signal?: AbortSignal): Promise<JsonResponse> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await request(client, current, signal);
    if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
      await response.body.dump();
      current = checkRedirect(current, String(response.headers.location));
      continue;
    }
    return readResponse(client, current, response);
  }
  throw new PermanentError(`too many redirects from ${url}`, 'redirect-loop');
}

type UndiciResponse = Awaited<ReturnType<HttpClient['agent']['request']>>;

async function request(client: HttpClient, url: string, signal?: AbortSignal): Promise<UndiciResponse> {
  const target = new URL(url);
  const started = performance.now();
  try {
    const response = await client.agent.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'GET',
      headers: requestHeaders(client, target, { accept: 'application/json' }),
      signal,
    });
    client.onResponse(String(response.statusCode), (performance.now() - started) / 1000);
    return response;
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof undiciErrors.HeadersTimeoutError ? 'timeout' : ((error as { code?: string }).code ?? 'network');
    client.onResponse(reason, (performance.now() - started) / 1000);
    throw new TransientError(`GET ${url} failed: ${(error as Error).message}`, reason, { cause: error });
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

async function readResponse(client: HttpClient, url: string, response: UndiciResponse): Promise<JsonResponse> {
  const { statusCode: status, headers } = response;
  if (status === 429 || status >= 500) {
    await response.body.dump();
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    throw new TransientError(`GET ${url} answered ${status}`, `http-${status}`, { retryAfterMs });
  }
  const text = await readBody(client, url, response);
  const contentType = String(headers['content-type'] ?? '');
  const body = parseBody(url, status, text, contentType);
  if (status >= 400 && status !== 400) {
    const code = (body as { code?: unknown })?.code;
    if (status === 401) throw authFailure(url, typeof code === 'string' ? code : 'http-401');
    throw new PermanentError(`GET ${url} answered ${status}${typeof code === 'string' ? ` (${code})` : ''}`, `http-${status}`);
  }
  return { status, headers, body, bytes: Buffer.byteLength(text), url, escapesUnstorable: UNSTORABLE_ESCAPE.test(text) };
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

async function readBody(client: HttpClient, url: string, response: UndiciResponse): Promise<string> {
  const declared = Number(response.headers['content-length'] ?? 0);
  if (declared > client.maxBodyBytes) {
    await response.body.destroy();
    throw new PermanentError(`GET ${url}: body of ${declared} bytes exceeds ${client.maxBodyBytes}`, 'body-too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > client.maxBodyBytes) {
        response.body.destroy();
        throw new PermanentError(`GET ${url}: body exceeds ${client.maxBodyBytes} bytes`, 'body-too-large');
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof PermanentError) throw error;
    throw new TransientError(`GET ${url}: body cut off: ${(error as Error).message}`, 'body-cut-off', { cause: error });
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(url: string, status: number, text: string, contentType: string): unknown {
  const trimmed = text.trimStart();
  if (!/json/i.test(contentType) && !trimmed.startsWith('[') && !trimmed.startsWith('{')) {
    // An HTML page with status 200 is typically a cache, proxy or PHP error page: worth another try.
    throw new TransientError(`GET ${url} answered ${status} with ${contentType || 'no content type'}, not JSON`, 'not-json');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // A body that starts as JSON but does not parse was almost always cut off in transit.
    throw new TransientError(`GET ${url}: malformed JSON (${(error as Error).message})`, 'malformed-json', { cause: error });
  }
}
