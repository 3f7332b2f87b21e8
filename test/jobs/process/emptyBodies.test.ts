import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/withTransaction.js';
import { createContext } from '../../../src/jobs/createContext.js';
import type { AppContext } from '../../../src/jobs/context.js';
import { processPosts } from '../../../src/jobs/process/processPosts.js';
import { readDedupeFigures } from '../../../src/load/readDedupeFigures.js';
import { storeRawPosts } from '../../../src/load/storeRawPosts.js';
import { createTestDatabase, TEST_REDIS_URL } from '../../helpers/testDatabase.js';
import { cliEnv, runCli } from '../../helpers/serviceHelpers.js';
import { blogPost } from '../../helpers/blogPost.js';
import type { Config } from '../../../src/config.js';

describe('articles stored without body text', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ctx: AppContext & { close(): Promise<void> };
  let siteId: number;
  const logged: Array<Record<string, unknown>> = [];
  let config: Config;

  beforeAll(async () => {
    db = await createTestDatabase('emptybody');
    config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix });
    ctx = await createContext(config, pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }));
    siteId = (await ctx.pool.query<{ id: number }>(`INSERT INTO sites (url) VALUES ('https://blog.example.org') RETURNING id`)).rows[0]!.id;
    const cards = Array.from(
      { length: 8 },
      (_, i) =>
        `<li><article><h2><a href="/2024/03/story-${i}.html">Headline of story ${i}</a></h2><p>The summary of story ${i} says in one sentence what it is about.</p></article></li>`,
    ).join('');
    const sectionFront = `<main><section><h2>Latest</h2><ol>${cards}</ol></section></main><p>[analyse_source url=&#8221;https://news.example/section/science/&#8221;]</p>`;
    const posts = [
      blogPost(1, { rendered: '', protected: true }),
      blogPost(4, { rendered: sectionFront, protected: false }),
      blogPost(2, {
        rendered: '<figure class="wp-block-image"><img src="https://blog.example.org/a.jpg" alt="Dawn"></figure>',
        protected: false,
      }),
      blogPost(3, { rendered: '<p>The council voted on Tuesday to keep the library open on Sundays through the winter months.</p>', protected: false }),
    ];
    await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, posts));
    await processPosts(ctx, siteId, [1, 2, 3, 4]);
  });
  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  it('stores them (title, dates and image are real) and counts them in the figures', async () => {
    const rows = (await ctx.pool.query<{ title: string; word_count: number }>('SELECT title, word_count FROM articles ORDER BY title')).rows;
    expect(rows.filter((row) => row.title !== 'Post 4').map((row) => [row.title, row.word_count > 0])).toEqual([
      ['Post 1', false],
      ['Post 2', false],
      ['Post 3', true],
    ]);
    const figures = await readDedupeFigures(ctx.pool, siteId);
    expect(figures.articles).toBe(4);
    expect(figures.emptyBodies).toBe(2);
    // The section front is stored (its stories as its body) and counted apart, as a listing.
    expect(figures.listingPages).toBe(1);
  });

  it('logs each one with its post and reason, and nothing for the article with text', () => {
    const warnings = logged.filter((line) => typeof line.reason === 'string');
    expect(warnings.map((line) => [line.wpId, line.reason, line.siteId])).toEqual([
      [1, 'password-protected', siteId],
      [2, 'no-text-in-post', siteId],
    ]);
    expect(String(warnings[0]!.msg)).toMatch(/password-protected/);
  });

  it('`wpingest explain` says why an article has no body text', async () => {
    const id = (await ctx.pool.query<{ id: number }>(`SELECT id FROM articles WHERE title = 'Post 1'`)).rows[0]!.id;
    const result = await runCli(['explain', String(id)], cliEnv(config));
    expect(result.code).toBe(0);
    expect(result.output).toContain('no body text: password-protected');
    const withText = (await ctx.pool.query<{ id: number }>(`SELECT id FROM articles WHERE title = 'Post 3'`)).rows[0]!.id;
    expect((await runCli(['explain', String(withText)], cliEnv(config))).output).not.toContain('no body text');
  });
});
