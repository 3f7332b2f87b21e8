import { apiFormOf } from '../src/fetch/buildRestUrl.js';
import { discoverApiRoot } from '../src/fetch/discoverApiRoot.js';
import { retryTransient } from '../src/fetch/retryTransient.js';
import * as q from '../src/scheduler/runQueries.js';
import type { AppContext } from './context.js';

/** The canonical form of a site URL as the user gave it: origin plus path, no query or trailing slash. */
export function canonicalSiteUrl(input: string): string {
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${input}`);
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}

/** Discovers the site's REST root and records the site; returns its id and root. */
export async function registerSite(ctx: Pick<AppContext, 'pool' | 'http'>, siteUrl: string, perPage = 100): Promise<{ siteId: number; apiRoot: string }> {
  const url = canonicalSiteUrl(siteUrl);
  const apiRoot = await retryTransient(() => discoverApiRoot(ctx.http, url));
  const result = await ctx.pool.query(q.upsertSite(url, apiRoot, apiFormOf(apiRoot), perPage));
  return { siteId: (result.rows[0] as { id: number }).id, apiRoot };
}
