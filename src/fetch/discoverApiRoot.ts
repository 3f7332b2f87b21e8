import { PermanentError, TransientError } from '../errors.js';
import { buildRestUrl } from './buildRestUrl.js';
import { AuthError, fetchJson } from './fetchJson.js';
import { requestHeaders, type HttpClient } from './httpClient.js';

const API_LINK_REL = 'https://api.w.org/';
const REFUSED_ANSWERS = new Set(['unsupported-encoding', 'bad-encoding', 'body-too-large']);

/**
 * Finds a site's REST root: the `Link: <…>; rel="https://api.w.org/"` header of the page (WordPress sends it
 * on every page, so a pasted article or category URL finds its site's root too), else `wp-json/` and
 * `?rest_route=/` under the given path, then at the origin. Each candidate is confirmed by a tiny posts
 * request, because sites with plain permalinks answer `/wp-json/` with their HTML home page and status 200.
 */
export async function discoverApiRoot(client: HttpClient, siteUrl: string, signal?: AbortSignal): Promise<string> {
  const site = new URL(siteUrl);
  const candidates: string[] = [];
  const advertised = await advertisedRoot(client, site, signal);
  if (advertised) candidates.push(advertised);
  candidates.push(new URL('wp-json/', withSlash(site)).toString(), new URL('?rest_route=/', withSlash(site)).toString());
  candidates.push(new URL('/wp-json/', site.origin).toString(), new URL('/?rest_route=/', site.origin).toString());
  const tried: string[] = [];
  for (const root of [...new Set(candidates)]) {
    if (await answersPosts(client, root, signal)) return root;
    tried.push(root);
  }
  throw new PermanentError(`no WordPress REST API found at ${siteUrl} (tried ${tried.join(', ')})`, 'no-rest-api');
}

function withSlash(url: URL): URL {
  const copy = new URL(url.toString());
  copy.search = '';
  copy.hash = '';
  if (!copy.pathname.endsWith('/')) copy.pathname += '/';
  return copy;
}

async function advertisedRoot(client: HttpClient, site: URL, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const response = await client.agent.request({
      origin: site.origin,
      path: site.pathname + site.search,
      method: 'GET',
      headers: requestHeaders(client, site),
      signal,
    });
    const link = response.headers.link;
    const body = await response.body.text();
    const fromHeader = parseApiLink(Array.isArray(link) ? link.join(', ') : link);
    const found = fromHeader ?? body.match(/<link[^>]+rel=["']https:\/\/api\.w\.org\/["'][^>]*href=["']([^"']+)["']/i)?.[1];
    if (!found) return undefined;
    const root = new URL(found.replace(/&amp;/g, '&'), site);
    return root.origin === site.origin ? root.toString() : undefined;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new TransientError(`cannot reach ${site.toString()}: ${(error as Error).message}`, 'unreachable', { cause: error });
  }
}

/** The api.w.org root from a Link header value, if present. */
export function parseApiLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?([^";]+)"?/);
    if (match && match[2] === API_LINK_REL) return match[1];
  }
  return undefined;
}

async function answersPosts(client: HttpClient, root: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetchJson(client, buildRestUrl(root, 'wp/v2/posts', { per_page: 1, _fields: 'id' }), signal);
    return response.status === 200 && Array.isArray(response.body);
  } catch (error) {
    // Wrong credentials are the answer, not a sign of a missing API: say so rather than "no REST API found".
    if (error instanceof AuthError) throw error;
    // An answer wpingest refuses to read (an encoding it cannot decode, a body over the cap) is the site's API
    // all the same: its cause is the error to show, not "no REST API found".
    if (error instanceof PermanentError && REFUSED_ANSWERS.has(error.reason)) throw error;
    if (error instanceof PermanentError || (error instanceof TransientError && error.reason === 'not-json')) return false;
    throw error;
  }
}
