import { describe, expect, it } from 'vitest';
import { isTransient } from '../../src/errors.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { reportFault } from './databaseDigest.js';
import { startFaultApp } from './faultHarness.js';
import { runSiteScenario } from './siteScenario.js';

const POSTS = 30;
/** 3 pages of 10: the hostile answer is on page 2, between good ones. */
const PER_PAGE = 10;

describe('hostile sites', () => {
  it("one post nested 100,000 deep on page 2: that post alone is rejected, with its reason; the page's 9 others are stored", async () => {
    const result = await runSiteScenario('one post nested 100,000 deep (page 2)', { posts: POSTS, perPage: PER_PAGE, faults: 'deep:page=2:depth=100000' });
    expect(result.injected.deep).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS - 1, lost: [], extra: [] });
    expect(result.failures.map((f) => [f.stage, f.reason, f.permanent])).toEqual([['fetch', 'too-deep', true]]);
    expect(result.failures[0]!.wp_id).toBeGreaterThan(0);
  });

  it('one post of 9 MB (over the 4 MiB post cap) on page 2: that post alone is rejected, with its id and reason; every other post is stored', async () => {
    // One post a page, so the padded page holds that post alone.
    const result = await runSiteScenario('one post of 9 MB, over the post cap (page 2)', { posts: POSTS, perPage: 1, faults: 'huge:page=2:mb=9' });
    expect(result.injected.huge).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS - 1, lost: [], extra: [] });
    expect(result.failures.map((f) => [f.stage, f.reason, f.permanent])).toEqual([['fetch', 'too-large', true]]);
    expect(result.failures[0]!.wp_id).toBeGreaterThan(0);
    expect(result.failures[0]!.message).toMatch(/larger than any real post/);
  });

  it.each([
    { pages: 3_000_000_000, planned: (n: number) => n <= 3 + 1_000 },
    { pages: 1_000, planned: (n: number) => n <= 1_000 },
  ])('X-WP-TotalPages: $pages on page 2 of a 3-page site: capped, every post processed, the lie recorded', async ({ pages, planned }) => {
    const result = await runSiteScenario(`X-WP-TotalPages ${pages} on a 3-page site`, {
      posts: POSTS,
      perPage: PER_PAGE,
      faults: `liar:page=2:pages=${pages}`,
    });
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS, lost: [], extra: [] });
    expect(planned(result.plannedPages)).toBe(true);
    // Once per run, however many workers saw the lie at the same moment.
    expect(result.failures.map((f) => `${f.reason} ${f.permanent}`)).toEqual(['implausible-total false']);
  });

  it.each(['gzip', 'deflate', 'br'])('a body sent %s-encoded unasked: decoded, every post stored', async (encoding) => {
    const result = await runSiteScenario(`${encoding}-encoded bodies`, { posts: POSTS, perPage: PER_PAGE, faults: encoding });
    expect(result.injected[`encode-${encoding}`]).toBeGreaterThan(0);
    expect(result).toMatchObject({ status: 'done', error: null, rawPosts: POSTS, lost: [], extra: [] });
    expect(result.failures).toEqual([]);
  });

  it('a Content-Encoding wpingest cannot decode: the backfill is refused at once, naming the encoding', async () => {
    const app = await startFaultApp({ label: 'zstd', posts: POSTS, faults: 'encode:as=zstd', roles: [] });
    const started = Date.now();
    try {
      const error = await startBackfill(app.ctx, app.siteUrl).then(
        () => null,
        (caught: unknown) => caught as Error,
      );
      await reportFault({
        fault: 'site: unknown Content-Encoding (zstd)',
        runs: 0,
        postsExpected: POSTS,
        articlesFound: 0,
        lost: 0,
        doubled: 0,
        unattended: true,
        recoverMs: Date.now() - started,
        note: `refused: ${error?.message}`,
      });
      expect(error?.message).toMatch(/unsupported Content-Encoding "zstd"/);
      expect(isTransient(error)).toBe(false);
    } finally {
      await app.close();
    }
  });
});
