import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPostsPage } from '../../src/fetch/fetchPostsPage.js';
import { createHttpClient, type HttpClient } from '../../src/fetch/httpClient.js';

/** Listing bodies as a site sends them: JSON text, escapes written out. */
const LISTINGS: Record<string, string> = {
  1: JSON.stringify([{ id: 1, title: { rendered: 'Plain “quoted” text, café 😀' } }]),
  // A NUL and a lone high surrogate, escaped the way PHP's json_encode writes them.
  2: '[{"id":2,"title":{"rendered":"a\\u0000b \\ud800 c"},"content":{"rendered":"ok \\ud83d\\ude00"}}]',
};

describe('characters Postgres cannot store, as they arrive over HTTP', () => {
  let server: Server;
  let client: HttpClient;
  let apiRoot: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const kind = new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1';
      response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'x-wp-total': '1', 'x-wp-totalpages': '1' });
      response.end(LISTINGS[kind]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wp-json/`;
    client = createHttpClient({ userAgent: 'wpingest-test' });
  });
  afterAll(async () => {
    await client?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const fetchListing = (page: number) => fetchPostsPage(client, apiRoot, { page, perPage: 100, orderby: 'id', order: 'asc' });

  it('removes NUL and replaces lone surrogates, keeping escaped pairs', async () => {
    const page = await fetchListing(2);
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]!.title).toEqual({ rendered: 'ab \ufffd c' });
    expect(page.posts[0]!.content).toEqual({ rendered: 'ok 😀' });
  });

  it('passes a listing without such escapes through unchanged', async () => {
    const page = await fetchListing(1);
    expect(page.posts).toEqual(JSON.parse(LISTINGS[1]!));
  });
});
