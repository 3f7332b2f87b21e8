import { randomBytes } from 'node:crypto';
import type { Express, RequestHandler, Response } from 'express';
import { articleById, articlesOfSite, postsOfArticle, rawPostPayload, SOURCE_ARTICLES, teasersOfArticle } from './articleQueries.js';
import type { DashboardDeps } from './dashboardDeps.js';
import { queryAll, queryOne } from '../db/query.js';
import { html } from './html.js';
import { readOverview } from './readOverview.js';
import { renderArticleMain, type ArticleView } from './renderArticlePage.js';
import { renderLayout } from './renderLayout.js';
import { renderSearchMain, renderSourceMain } from './renderSourcePage.js';
import { searchArticlesForBox, type SearchHit } from './searchArticlesForBox.js';

/** Bytes of randomness in each page's CSP nonce. */
const NONCE_BYTES = 16;
/** Largest id a route accepts (a bigint), so a long number is a 404, not a database error. */
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** The pages' CSP: nothing but their own nonce'd style and script, same-origin fetches and the search form. */
export function pageCsp(nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
}

/** Sends a server-rendered page under its CSP; `render` gets the page's nonce. */
export function sendPage(response: Response, render: (nonce: string) => string, status = 200): void {
  const nonce = randomBytes(NONCE_BYTES).toString('base64');
  const body = render(nonce);
  response
    .status(status)
    .set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': pageCsp(nonce) })
    .type('html')
    .send(body);
}

function parseId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_ID ? id : null;
}

function notFound(response: Response, base: string, what: string): void {
  sendPage(
    response,
    (nonce) =>
      renderLayout({
        title: 'Not found',
        base,
        nonce,
        body: html`<main class="narrow"><section><h1>Not found</h1><p class="empty">${what}</p></section></main>`,
      }),
    404,
  );
}

/** Read-only pages: article (`/articles/:id`), raw post JSON, source (`/sources/:id`) and search (`/search?q=`). */
export function mountPages(
  app: Express,
  deps: DashboardDeps,
  asyncRoute: (handler: (...args: Parameters<RequestHandler>) => Promise<void>) => RequestHandler,
): void {
  app.get(
    '/search',
    asyncRoute(async (request, response) => {
      const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
      const hits = await searchArticlesForBox(deps.pool, query);
      sendPage(response, (nonce) =>
        renderLayout({ title: query ? `Search: ${query}` : 'Search', base: './', nonce, query, body: renderSearchMain(query, hits) }),
      );
    }),
  );
  app.get(
    '/articles/:id',
    asyncRoute(async (request, response) => {
      const id = parseId(request.params.id);
      const article = id === null ? undefined : await readArticle(deps, id);
      if (!article) return notFound(response, '../', `No article ${String(request.params.id)}.`);
      sendPage(response, (nonce) =>
        renderLayout({ title: article.title || `Article ${article.id}`, base: '../', nonce, body: renderArticleMain(article, '../') }),
      );
    }),
  );
  app.get(
    '/posts/:siteId/:file',
    asyncRoute(async (request, response) => {
      const siteId = parseId(request.params.siteId);
      const wpId = parseId(/^(\d+)\.json$/.exec(String(request.params.file))?.[1]);
      const row = siteId === null || wpId === null ? null : await queryOne<{ payload: string }>(deps.pool, rawPostPayload(siteId, wpId));
      if (!row) return void response.status(404).type('text/plain').send('no such stored post\n');
      // As stored, byte for byte; served as JSON (never HTML) with nosniff, so nothing in it can run.
      response
        .set({ 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" })
        .type('application/json')
        .send(row.payload);
    }),
  );
  app.get(
    '/sources/:id',
    asyncRoute(async (request, response) => {
      const id = parseId(request.params.id);
      const overview = id === null ? undefined : await readOverview(deps);
      const site = overview?.sites.find((s) => s.id === id);
      if (!overview || !site || id === null) return notFound(response, '../', `No source ${String(request.params.id)}.`);
      const articles = (await queryAll<SearchHit>(deps.pool, articlesOfSite(id, SOURCE_ARTICLES))).map((row) => ({ ...row, id: Number(row.id) }));
      const runs = overview.runs.filter((run) => run.siteId === id);
      sendPage(response, (nonce) => renderLayout({ title: site.url, base: '../', nonce, body: renderSourceMain(site, runs, articles, overview.generatedAt) }));
    }),
  );
}

async function readArticle(deps: DashboardDeps, id: number): Promise<ArticleView | undefined> {
  const [row, posts, teasers] = await Promise.all([
    queryOne<Omit<ArticleView, 'posts' | 'teasers'>>(deps.pool, articleById(id)),
    queryAll<ArticleView['posts'][number]>(deps.pool, postsOfArticle(id)),
    queryAll<ArticleView['teasers'][number]>(deps.pool, teasersOfArticle(id)),
  ]);
  if (!row) return undefined;
  return {
    ...row,
    id: Number(row.id),
    clusterId: row.clusterId === null ? null : Number(row.clusterId),
    posts: posts.map((p) => ({ ...p, siteId: Number(p.siteId), wpId: Number(p.wpId) })),
    teasers,
  };
}
