import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureSite } from '../../src/fixtureSite/index.js';
import type { FixtureSiteHandle } from '../../src/fixtureSite/index.js';

const POSTS = 250;
let plain: FixtureSiteHandle;
let pretty: FixtureSiteHandle;

beforeAll(async () => {
  plain = await startFixtureSite({ posts: POSTS, seed: 'rest', permalinks: 'plain' });
  pretty = await startFixtureSite({ posts: POSTS, seed: 'rest', permalinks: 'pretty' });
});
afterAll(async () => {
  await plain?.close();
  await pretty?.close();
});

type Post = { id: number; date: string; date_gmt: string; modified_gmt: string; [k: string]: unknown };

async function get(base: string, path: string): Promise<{ status: number; headers: Headers; text: string; json: () => any }> {
  const r = await fetch(base + path, { redirect: 'manual' });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) };
}

const posts = (path: string) => get(plain.url, `/?rest_route=/wp/v2/posts${path}`);

describe('fixture REST API', () => {
  it('serves the collection in both URL forms with WordPress headers', async () => {
    const a = await get(plain.url, '/?rest_route=/wp/v2/posts&per_page=5');
    const b = await get(plain.url, '/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5');
    const c = await get(plain.url, '/?rest_route=/wp/v2/posts/&per_page=5');
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(c.text).toBe(a.text);
    expect(a.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(a.headers.get('x-wp-total')).toBe(String(POSTS));
    expect(a.headers.get('x-wp-totalpages')).toBe('50');
    expect(a.headers.get('link')).toBe(
      `<${plain.url}/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5&page=2>; rel="next", ` +
        `<${plain.url}/index.php?rest_route=/>; rel="https://api.w.org/"`,
    );
    const p = await get(pretty.url, '/wp-json/wp/v2/posts?per_page=5');
    expect(p.status).toBe(200);
    expect(p.headers.get('link')).toContain(`<${pretty.url}/wp-json/wp/v2/posts?per_page=5&page=2>; rel="next"`);
    expect(p.headers.get('link')).toContain(`<${pretty.url}/wp-json/>; rel="https://api.w.org/"`);
    expect((p.json() as Post[]).map((x) => x.id)).toEqual((a.json() as Post[]).map((x) => x.id));
  });

  it('answers the same bytes for the same request and seed', async () => {
    const a = await posts('&per_page=20&page=3');
    const b = await posts('&per_page=20&page=3');
    expect(b.text).toBe(a.text);
    const other = await startFixtureSite({ posts: POSTS, seed: 'rest', permalinks: 'plain' });
    try {
      const c = await get(other.url, '/?rest_route=/wp/v2/posts&per_page=20&page=3');
      expect(c.text.replaceAll(other.url.replaceAll('/', '\\/'), '')).toBe(a.text.replaceAll(plain.url.replaceAll('/', '\\/'), ''));
    } finally {
      await other.close();
    }
  });

  it('puts prev before next, carries other parameters and puts page last', async () => {
    const r = await posts('&per_page=10&_fields=id,date&_embed&page=3');
    const link = r.headers.get('link')!;
    const base = `${plain.url}/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=10&_fields=id%2Cdate&_embed`;
    expect(link.startsWith(`<${base}&page=2>; rel="prev", <${base}&page=4>; rel="next"`)).toBe(true);
    const last = await posts('&per_page=10&page=25');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    expect(last.headers.get('link')).toContain('&page=24>; rel="prev"');
  });

  it('rejects per_page outside 1..100 and pages past the end with WordPress error bodies', async () => {
    for (const perPage of [0, 101]) {
      const r = await posts(`&per_page=${perPage}`);
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): per_page',
        data: {
          status: 400,
          params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' },
          details: { per_page: { code: 'rest_out_of_bounds', message: 'per_page must be between 1 (inclusive) and 100 (inclusive)', data: null } },
        },
      });
      expect(r.headers.get('x-wp-total')).toBeNull();
    }
    const ok = await posts('&per_page=100&page=3');
    expect(ok.status).toBe(200);
    expect(ok.json()).toHaveLength(50);
    const past = await posts('&per_page=100&page=4');
    expect(past.status).toBe(400);
    expect(past.text).toBe(
      '{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}',
    );
    const bogus = await posts('&orderby=bogus');
    expect(bogus.status).toBe(400);
    expect(bogus.json().data.details.orderby.code).toBe('rest_not_in_enum');
    expect((await posts('&modified_after=yesterday')).json().data.details.modified_after.code).toBe('rest_invalid_date');
  });

  it('orders by date desc by default and by id or modified on request', async () => {
    const all: Post[] = [];
    for (let page = 1; page <= 3; page++) all.push(...(await posts(`&per_page=100&page=${page}`)).json());
    expect(new Set(all.map((p) => p.id)).size).toBe(POSTS);
    for (let k = 1; k < all.length; k++) expect(all[k - 1]!.date >= all[k]!.date).toBe(true);
    const byId: Post[] = (await posts('&per_page=100&orderby=id&order=asc&_fields=id')).json();
    expect(byId.map((p) => p.id)).toEqual([...byId.map((p) => p.id)].sort((a, b) => a - b));
    const byModified: Post[] = (await posts('&per_page=100&orderby=modified&order=desc&_fields=id,modified_gmt')).json();
    for (let k = 1; k < byModified.length; k++) expect(byModified[k - 1]!.modified_gmt >= byModified[k]!.modified_gmt).toBe(true);
  });

  it('filters strictly with after and modified_after; dates without offset are site time (UTC)', async () => {
    const newest: Post[] = (await posts('&per_page=51&_fields=id,date,date_gmt')).json();
    const pivot = newest[50]!;
    const after = await posts(`&after=${pivot.date}`);
    expect(after.headers.get('x-wp-total')).toBe('50');
    const afterZ = await posts(`&after=${pivot.date_gmt}Z`);
    expect(afterZ.headers.get('x-wp-total')).toBe('50');
    const afterOffset = await posts(`&after=${encodeURIComponent(`${pivot.date}+03:00`)}`);
    expect(Number(afterOffset.headers.get('x-wp-total'))).toBeGreaterThan(50);
    const all: Post[] = (await posts('&per_page=100&orderby=id&_fields=id,modified_gmt')).json();
    const cursor = [...all].sort((a, b) => a.modified_gmt.localeCompare(b.modified_gmt))[60]!.modified_gmt;
    const expected = plain.site.plan.modifiedMs.filter((ms) => ms > Date.parse(`${cursor}Z`)).length;
    const since = await posts(`&modified_after=${cursor}Z&orderby=modified&order=asc`);
    expect(Number(since.headers.get('x-wp-total'))).toBe(expected);
  });

  it('filters by include, in both list forms', async () => {
    const ids = [plain.site.plan.ids[5]!, plain.site.plan.ids[9]!];
    const a: Post[] = (await posts(`&include=${ids.join(',')}&_fields=id`)).json();
    const b: Post[] = (await posts(`&include[]=${ids[0]}&include[]=${ids[1]}&_fields=id`)).json();
    expect(a.map((p) => p.id).sort()).toEqual(ids);
    expect(b).toEqual(a);
  });

  it('returns only the requested _fields, including nested ones', async () => {
    const r: Array<Record<string, unknown>> = (await posts('&per_page=3&_fields=id,title,link,content.rendered,nonexistent')).json();
    for (const p of r) {
      expect(Object.keys(p)).toEqual(['id', 'link', 'title', 'content']);
      expect(Object.keys(p.content as object)).toEqual(['rendered']);
    }
  });

  it('serves post objects with the seed keys, and embeds author and terms', async () => {
    const [p] = (await posts('&per_page=1&_embed')).json();
    expect(Object.keys(p)).toEqual([
      'id',
      'date',
      'date_gmt',
      'guid',
      'modified',
      'modified_gmt',
      'slug',
      'status',
      'type',
      'link',
      'title',
      'content',
      'excerpt',
      'author',
      'featured_media',
      'comment_status',
      'ping_status',
      'sticky',
      'template',
      'format',
      'meta',
      'categories',
      'tags',
      'class_list',
      '_links',
      '_embedded',
    ]);
    expect(p._embedded.author[0].name).toBe('admin');
    expect(p._embedded['wp:term'][0].map((t: { id: number }) => t.id)).toEqual(p.categories);
    expect(p._embedded['wp:term'][1].map((t: { id: number }) => t.id)).toEqual(p.tags);
    expect(p._links.self[0].href).toBe(`${plain.url}/index.php?rest_route=/wp/v2/posts/${p.id}`);
    expect(p._links.replies[0].href).toBe(`${plain.url}/index.php?rest_route=%2Fwp%2Fv2%2Fcomments&post=${p.id}`);
    const single = await get(plain.url, `/?rest_route=/wp/v2/posts/${p.id}`);
    expect(single.headers.get('link')).toContain(`<${plain.url}/?p=${p.id}>; rel="alternate"; type=text/html`);
    expect(single.text).toContain('\\/');
    const { _embedded: _e, ...withoutEmbed } = p;
    expect(single.json()).toEqual(withoutEmbed);
  });

  it('serves categories, tags, users and the API index; unknown routes are rest_no_route', async () => {
    const cats = await get(plain.url, '/?rest_route=/wp/v2/categories&per_page=100');
    expect(cats.json().map((c: { name: string }) => c.name)).toContain('Site news');
    const counts = cats.json().reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(counts).toBeGreaterThanOrEqual(POSTS);
    const tags = await get(plain.url, '/?rest_route=/wp/v2/tags&per_page=100&include=8,9');
    expect(
      tags
        .json()
        .map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual(['crawlmanager', 'euronews.com']);
    expect((await get(plain.url, '/?rest_route=/wp/v2/users')).json()[0].name).toBe('admin');
    expect((await get(plain.url, '/?rest_route=/')).json().namespaces).toContain('wp/v2');
    expect((await get(pretty.url, '/wp-json/')).json().namespaces).toContain('wp/v2');
    const missing = await get(plain.url, '/?rest_route=/wp/v2/nothing');
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe('rest_no_route');
    expect((await get(plain.url, '/?rest_route=wp/v2/posts')).status).toBe(404);
    expect((await get(plain.url, '/?rest_route=/wp/v2/posts/99999999')).json().code).toBe('rest_post_invalid_id');
  });

  it('behaves like plain-permalink WordPress on /wp-json/ and advertises the API on the home page', async () => {
    const r = await get(plain.url, '/wp-json/wp/v2/posts?per_page=1');
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/wp-json/wp/v2/posts/?per_page=1');
    const page = await get(plain.url, '/wp-json/wp/v2/posts/?per_page=1');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const home = await get(plain.url, '/');
    expect(home.text).toContain(`<link rel="https://api.w.org/" href="${plain.url}/index.php?rest_route=/" />`);
    expect(home.headers.get('link')).toBe(`<${plain.url}/index.php?rest_route=/>; rel="https://api.w.org/"`);
  });
});
