import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Router, type RequestHandler } from 'express';
import type { Pool } from '../db/createPool.js';
import { queryAll, queryOne } from '../db/query.js';
import { toFeedArticle, type FeedRow } from '../feed/feedArticle.js';
import { selectFeed, selectFeedArticle, siteIdByUrl } from '../feed/feedQueries.js';
import { canonicalSiteUrl } from '../jobs/site/registerSite.js';
import { encodeApiCursor } from './apiCursor.js';
import { readApiQuery } from './readApiQuery.js';
import { listApiSources } from './apiQueries.js';

/** docs/openapi.json, relative to this file in both src/ and dist/src/. */
const OPENAPI_FILE = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../docs/openapi.json' : '../../docs/openapi.json', import.meta.url));

/**
 * The read-only HTTP API (mounted at /api behind the dashboard's token rule): articles in the public shape
 * with keyset pagination, one article, the sources, and the OpenAPI description of it all.
 */
export function createApiRouter(deps: { pool: Pool }): Router {
  const router = Router();
  const openapi = readFileSync(OPENAPI_FILE, 'utf8');
  router.use((_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/openapi.json', (_request, response) => void response.type('application/json').send(openapi));
  router.get('/articles', listArticles(deps.pool));
  router.get('/articles/:id', oneArticle(deps.pool));
  router.get('/sources', async (_request, response) => {
    response.json({ sources: await queryAll(deps.pool, listApiSources()) });
  });
  return router;
}

/**
 * A page of articles in (updated_at, id) order after the cursor. `next_cursor` is always given (the position
 * after the last article, or the cursor asked with when the page is empty), so a consumer polls with it for
 * whatever changes next; `has_more` says whether to ask again at once.
 */
function listArticles(pool: Pool): RequestHandler {
  return async (request, response) => {
    const parsed = readApiQuery(request.query as Record<string, unknown>);
    if ('error' in parsed) return void response.status(400).json({ error: parsed.error });
    let siteId: number | undefined;
    if (parsed.site !== undefined) {
      const site = await siteRow(pool, parsed.site);
      if (site === undefined) return void response.status(400).json({ error: `no site ${parsed.site}; see /api/sources` });
      siteId = site;
    }
    const rows = await queryAll<FeedRow>(pool, selectFeed({ ...parsed.filter, siteId }, parsed.limit + 1));
    const page = rows.slice(0, parsed.limit);
    const last = page.at(-1);
    const position = last ? { updatedAt: last.cursor_updated_at, id: last.id } : parsed.filter.after;
    response.json({
      articles: page.map(toFeedArticle),
      next_cursor: position ? encodeApiCursor(position) : null,
      has_more: rows.length > parsed.limit,
    });
  };
}

function oneArticle(pool: Pool): RequestHandler {
  return async (request, response) => {
    const id = String(request.params.id);
    if (!/^\d{1,15}$/.test(id)) return void response.status(400).json({ error: 'article id must be a whole number' });
    const row = await queryOne<FeedRow>(pool, selectFeedArticle(Number(id)));
    if (!row) return void response.status(404).json({ error: `no article ${id}` });
    response.json(toFeedArticle(row));
  };
}

async function siteRow(pool: Pool, url: string): Promise<number | undefined> {
  let canonical: string;
  try {
    canonical = canonicalSiteUrl(url);
  } catch {
    return undefined;
  }
  return (await queryOne<{ id: number }>(pool, siteIdByUrl(canonical)))?.id;
}
