import { describe, expect, it } from 'vitest';
import { runSiteScenario } from './siteScenario.js';

const POSTS = 200;

describe('a site that breaks its responses now and then', () => {
  it.each([
    { fault: 'connection reset', faults: 'reset:p=0.15', injected: 'reset' },
    { fault: 'body cut off mid-JSON', faults: 'truncate:p=0.15', injected: 'truncate' },
    { fault: 'HTML error page with status 200', faults: 'html200:p=0.3', injected: 'html200' },
    { fault: 'JSON object where a list belongs', faults: 'object:p=0.4', injected: 'object' },
  ])('$fault: retried until every post is stored', async ({ fault, faults, injected }) => {
    const result = await runSiteScenario(fault, { posts: POSTS, faults });
    expect(result.injected[injected]).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS, lost: [], extra: [] });
    expect(result.failures).toEqual([]);
  });

  it('slow responses beyond the fetch timeout: timed out and retried', async () => {
    const result = await runSiteScenario('slow beyond the timeout', { posts: POSTS, faults: 'slow:ms=4000:p=0.2', headersTimeoutMs: 1_000 });
    expect(result.injected.slow).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS, lost: [], extra: [] });
    expect(result.failures).toEqual([]);
  });

  it('a site whose X-WP-TotalPages grows during the run: the new pages are planned and fetched', async () => {
    const posts = 400;
    const result = await runSiteScenario('X-WP-TotalPages grows', { posts, faults: 'grow:after=3' });
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: posts, lost: [], extra: [] });
  });
});
