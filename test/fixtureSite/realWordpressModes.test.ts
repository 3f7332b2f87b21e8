import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverApiRoot } from '../../src/fetch/discoverApiRoot.js';
import { fetchJson } from '../../src/fetch/fetchJson.js';
import { fetchPostsPage } from '../../src/fetch/fetchPostsPage.js';
import { createHttpClient, type HttpClient } from '../../src/fetch/httpClient.js';
import { startFixtureSite, type FixtureSiteHandle } from '../../src/fixtureSite/index.js';

// What the real WordPress 6.1 of ../shared/realwp does that the default fixture site does not.
const POSTS = 300;
const OFFSET_HOURS = 3;
const HOUR_MS = 3_600_000;

let site: FixtureSiteHandle;
let http: HttpClient;

beforeAll(async () => {
  site = await startFixtureSite({ posts: POSTS, seed: 'realwp', permalinks: 'plain', utcOffsetHours: OFFSET_HOURS, dateQuirk: true, connectionClose: true });
  http = createHttpClient({ userAgent: 'wpingest-test' });
});
afterAll(async () => {
  await http?.close();
  await site?.close();
});

type Post = { id: number; date: string; date_gmt: string; modified: string; modified_gmt: string };

async function getPosts(query: string): Promise<{ total: number; posts: Post[] }> {
  const response = await fetchJson(http, `${site.url}/?rest_route=/wp/v2/posts&${query}`);
  expect(response.status).toBe(200);
  return { total: Number(response.headers['x-wp-total']), posts: response.body as Post[] };
}

const ms = (wpDate: string): number => Date.parse(`${wpDate}Z`);

/** Raw HTTP exchange, so headers Node's fetch would hide (framing) can be checked. */
function rawGet(path: string): Promise<string> {
  const { port } = new URL(site.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

describe('fixture site in real-WordPress modes (site on UTC+3, date quirk, php -S framing)', () => {
  it('dates imported posts like the seed aggregator: date is the page time, date_gmt 3 h early; ordinary posts are right', async () => {
    const { posts } = await getPosts('per_page=100&orderby=id&order=asc');
    let checked = 0;
    for (const post of posts) {
      const truth = site.site.truth(site.site.indexOfId(post.id));
      expect(ms(post.date) - ms(post.date_gmt)).toBe(OFFSET_HOURS * HOUR_MS);
      expect(ms(post.modified) - ms(post.modified_gmt)).toBe(OFFSET_HOURS * HOUR_MS);
      const page = Date.parse(truth.published_at);
      if (truth.kind === 'ordinary') expect(ms(post.date_gmt)).toBe(page);
      else if (truth.kind !== 'duplicate') expect(ms(post.date)).toBe(page);
      checked++;
    }
    expect(checked).toBe(100);
  });

  it('takes modified_after without an offset as site-local time, with Z or an offset as given', async () => {
    const { posts } = await getPosts('per_page=100&orderby=modified&order=desc');
    const bound = posts[40]!.modified_gmt;
    const utc = await getPosts(`per_page=1&modified_after=${bound}Z`);
    const local = await getPosts(`per_page=1&modified_after=${bound}`);
    const withOffset = await getPosts(`per_page=1&modified_after=${bound}%2B03:00`);
    const threeHoursEarlier = new Date(ms(bound) - OFFSET_HOURS * HOUR_MS).toISOString().slice(0, 19);
    const shifted = await getPosts(`per_page=1&modified_after=${threeHoursEarlier}Z`);
    expect(utc.total).toBeLessThan(local.total);
    expect(local.total).toBe(shifted.total);
    expect(withOffset.total).toBe(shifted.total);
    const query = { page: 1, perPage: 1, orderby: 'modified', order: 'asc' } as const;
    const zoneless = await fetchPostsPage(http, `${site.url}/?rest_route=/`, { ...query, modifiedAfter: bound });
    expect(zoneless.url).toContain(`modified_after=${encodeURIComponent(`${bound}Z`)}`);
    expect(zoneless.total).toBe(utc.total);
  });

  it('answers like php -S: Connection close, neither Content-Length nor chunking, and the client still reads whole pages', async () => {
    const raw = await rawGet('/?rest_route=/wp/v2/posts&per_page=5');
    const [head, body] = raw.split('\r\n\r\n', 2) as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head).toMatch(/\r\nConnection: close/i);
    expect(head).not.toMatch(/content-length|transfer-encoding/i);
    expect(JSON.parse(body)).toHaveLength(5);
    const page = await fetchJson(http, `${site.url}/?rest_route=/wp/v2/posts&per_page=100`);
    expect(page.headers['content-length']).toBeUndefined();
    expect(page.body).toHaveLength(100);
    expect(page.bytes).toBeGreaterThan(1_000_000);
  });

  it('is discovered through ?rest_route= although /wp-json/ answers 301 then an HTML page', async () => {
    const redirect = await fetch(`${site.url}/wp-json/wp/v2/posts?per_page=1`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const target = await fetch(`${site.url}/wp-json/wp/v2/posts/?per_page=1`);
    expect(target.headers.get('content-type')).toMatch(/text\/html/);
    expect(await discoverApiRoot(http, site.url)).toBe(`${site.url}/index.php?rest_route=/`);
  });
});
