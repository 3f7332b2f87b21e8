import type { Pool } from '../../db/createPool.js';
import { queryOne } from '../../db/query.js';
import { apiFormOf } from '../../fetch/buildRestUrl.js';
import { discoverApiRoot } from '../../fetch/discoverApiRoot.js';
import { retryTransient } from '../../fetch/retryTransient.js';
import * as q from '../../scheduler/runQueries.js';
import { siteByApiRoot, siteContaining, type SiteUrlRow } from '../../scheduler/siteQueries.js';
import type { AppContext } from '../context.js';

/** The canonical form of a site URL as the user gave it: origin plus path, no query or trailing slash. */
export function canonicalSiteUrl(input: string): string {
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${input}`);
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/+$/, '');
}

/**
 * The site's own URL read from its REST root (`https://host/blog/wp-json/`, `https://host/?rest_route=/` or
 * `https://host/index.php?rest_route=/` give `https://host/blog` and `https://host`); a root of another shape
 * gives `fallback`.
 */
export function siteUrlOfApiRoot(apiRoot: string, fallback: string): string {
  const root = new URL(apiRoot);
  if (root.searchParams.has('rest_route')) {
    root.pathname = root.pathname.replace(/\/index\.php$/, '/');
    return canonicalSiteUrl(root.toString());
  }
  if (root.pathname.endsWith('/wp-json/')) {
    root.pathname = root.pathname.slice(0, -'wp-json/'.length);
    return canonicalSiteUrl(root.toString());
  }
  return fallback;
}

/**
 * Discovers the site's REST root and records the site; returns its id and root. A site is its API root: a
 * pasted article or category URL of a site already known resolves to that site instead of making another.
 */
export async function registerSite(ctx: Pick<AppContext, 'pool' | 'http'>, siteUrl: string, perPage = 100): Promise<{ siteId: number; apiRoot: string }> {
  const given = canonicalSiteUrl(siteUrl);
  const apiRoot = await retryTransient(() => discoverApiRoot(ctx.http, given));
  const known = await queryOne<{ id: number }>(ctx.pool, siteByApiRoot(apiRoot));
  if (known) return { siteId: Number(known.id), apiRoot };
  const upserted = await queryOne<{ id: number }>(ctx.pool, q.upsertSite(siteUrlOfApiRoot(apiRoot, given), apiRoot, apiFormOf(apiRoot), perPage));
  return { siteId: upserted!.id, apiRoot };
}

/**
 * The registered site a URL belongs to, without asking the site: the one whose URL it is, or else the one
 * whose URL is the longest prefix of it (an article or category URL of the site); undefined when none.
 */
export async function findSite(pool: Pool, url: string): Promise<{ id: number; url: string } | undefined> {
  const given = canonicalSiteUrl(url);
  const row = await queryOne<SiteUrlRow>(pool, siteContaining(given));
  return row ? { id: Number(row.id), url: row.url } : undefined;
}
