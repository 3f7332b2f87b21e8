import { describe, expect, it } from 'vitest';
import { runSiteScenario } from './siteScenario.js';

const POSTS = 200;

/** Every request to /wp/v2/ fails once with the fault (pages and term lookups alike), then succeeds. */
describe.each([
  { fault: '500 Internal Server Error', faults: '500x1', injected: '500' },
  { fault: '502 Bad Gateway', faults: '502x1', injected: '502' },
  { fault: '503 with Retry-After', faults: '503x1', injected: '503' },
  { fault: '429 with Retry-After', faults: '429x1', injected: '429' },
])('a site answering $fault once per request', ({ fault, faults, injected }) => {
  it('retries with backoff and stores every post, recording no permanent failure', async () => {
    const result = await runSiteScenario(fault, { posts: POSTS, faults });
    expect(result.injected[injected]).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS, lost: [], extra: [] });
    expect(result.failures).toEqual([]);
  });
});
