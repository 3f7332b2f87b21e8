import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished, type FaultApp } from './faultHarness.js';
import { wpPost } from './hostilePosts.js';

const PER_PAGE = 100;
const PAGES = 4;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A tiny WordPress-shaped site: page 1 of the posts is served, pages 2-4 redirect to another origin, to a
 * private address and to a non-HTTP scheme. Its posts link and embed URLs of a canary server.
 */
function hostileSite(canary: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html', link: '</wp-json/>; rel="https://api.w.org/"' }).end('<html></html>');
    if (url.pathname !== '/wp-json/wp/v2/posts') return json([]);
    const totals = { 'x-wp-total': String(PER_PAGE * PAGES), 'x-wp-totalpages': String(PAGES) };
    if (url.searchParams.get('_fields') === 'id') return json([{ id: 1 }], totals);
    const page = Number(url.searchParams.get('page') ?? 1);
    const redirects: Record<number, string> = { 2: `${canary}/stolen?page=2`, 3: 'http://10.0.0.1/wp-json/wp/v2/posts?page=3', 4: 'file:///etc/passwd' };
    if (redirects[page]) return res.writeHead(302, { location: redirects[page] }).end();
    const posts = Array.from({ length: PER_PAGE }, (_, i) =>
      wpPost(i + 1, {
        content: `<p>A post that links <a href="${canary}/link/${i}">elsewhere</a> and shows <img src="${canary}/img/${i}.jpg">, with words.</p>[analyse_image type="featured" src="${canary}/featured/${i}.jpg"][analyse_source url="${canary}/source/${i}"]`,
      }),
    );
    return json(posts, totals);
  });
}

describe('no off-origin fetches', () => {
  let app: FaultApp;
  let site: Server;
  let canary: Server;
  let canaryHits: string[];
  let run: { status: string; error: string | null };

  beforeAll(async () => {
    canaryHits = [];
    canary = createServer((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('[]');
    });
    const canaryUrl = await listen(canary);
    site = hostileSite(canaryUrl);
    app = await startFaultApp({ label: 'offorigin', posts: 0, siteUrl: await listen(site), workerOptions: { reconcileIntervalMs: 1_000 } });
    const { runId } = await startBackfill(app.ctx, app.siteUrl);
    run = await waitForRunFinished(app, runId, 120_000);
    const articles = (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts')).rows[0]!.n;
    await reportFault({
      fault: 'redirects off-origin / private / file:',
      runs: 1,
      postsExpected: PER_PAGE,
      articlesFound: articles,
      lost: PER_PAGE - articles,
      doubled: 0,
      note: `run ${run.status} (${run.error}); canary hits ${canaryHits.length}`,
    });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    site?.close();
    canary?.close();
  });

  it('refuses redirects to another host, a private address and a non-HTTP scheme, and records each with its reason', async () => {
    const failures = await app.ctx.pool.query<{ page: number; reason: string; permanent: boolean }>(
      'SELECT page, reason, permanent FROM failures ORDER BY page',
    );
    expect(failures.rows).toEqual([2, 3, 4].map((page) => ({ page, reason: 'off-origin-redirect', permanent: true })));
    const pages = await app.ctx.pool.query<{ page: number; status: string; reason: string | null }>('SELECT page, status, reason FROM run_pages ORDER BY page');
    expect(pages.rows.map((row) => row.status)).toEqual(['processed', 'failed', 'failed', 'failed']);
    expect(run).toEqual({ status: 'done', error: '3 pages failed permanently' });
  });

  it('stores the posts of the good page and never fetches a URL found inside a post', async () => {
    expect((await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts')).rows[0]!.n).toBe(PER_PAGE);
    expect(canaryHits).toEqual([]);
  });
});
