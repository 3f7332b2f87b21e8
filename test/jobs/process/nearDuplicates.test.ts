import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { withTransaction } from '../../../src/db/withTransaction.js';
import { storeRawPosts } from '../../../src/load/storeRawPosts.js';
import { createLogger } from '../../../src/log.js';
import type { WpPost } from '../../../src/wpPost.js';
import { createContext } from '../../../src/jobs/createContext.js';
import type { AppContext } from '../../../src/jobs/context.js';
import { processPosts } from '../../../src/jobs/process/processPosts.js';
import { createTestDatabase, TEST_REDIS_URL } from '../../helpers/testDatabase.js';

const seed = JSON.parse(readFileSync(new URL('../../fixtures/extract/seed/post.json', import.meta.url), 'utf8')) as WpPost & { content: { rendered: string } };
const SOURCE = 'http://www.euronews.com/2026/05/05/eus-kallas-visits-baku-to-advance-strategic-partnership-with-azerbaijan';

/** The seed post under another id and source URL, its body edited by `edit`. */
function variant(id: number, sourceUrl: string, edit: (html: string) => string = (html) => html): WpPost {
  const rendered = edit(seed.content.rendered).replace(SOURCE, sourceUrl);
  return { ...seed, id, link: `https://analyse.optim.biz/?p=${id}`, content: { rendered } };
}

describe('near-duplicate stories from different URLs', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ctx: AppContext & { close(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase('neardup');
    ctx = await createContext(
      loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix }),
      createLogger('silent'),
    );
    const { rows } = await ctx.pool.query<{ id: number }>(`INSERT INTO sites (url) VALUES ('https://analyse.optim.biz') RETURNING id`);
    const siteId = rows[0]!.id;
    const posts = [
      variant(1, SOURCE),
      // The same story syndicated under another URL, one sentence edited: a near-duplicate.
      variant(2, 'http://www.euronews.com/my-europe/2026/05/05/kallas-in-baku', (html) =>
        html.replaceAll('continued her South Caucasus tour', 'went on with her South Caucasus tour'),
      ),
      // Another story on the same source: its own body.
      variant(3, 'http://www.euronews.com/2026/05/05/another-story', (html) =>
        html
          .replace(
            /<div class="c-article-content[^]*?<div class="c-widget-related"/,
            '<div class="c-article-content js-article-content"><p>An entirely different report about fisheries quotas in the Baltic Sea, negotiated overnight by ministers who disagreed on almost every figure, from cod to herring, and left Brussels without a deal after eleven hours of talks and two adjournments.</p><p>Talks resume next week with a new proposal from the Commission, officials said, adding that the quotas for sprat and plaice were settled while the contested cod and herring figures would go back to scientists for another look.</p><div class="c-widget-related"',
          )
          .replace(/<div class="articleBody"[^]*?<\/div>/, ''),
      ),
    ];
    await withTransaction(ctx.pool, (tx) => storeRawPosts(tx, siteId, posts));
    await processPosts(ctx, siteId, [1, 2, 3]);
  });
  afterAll(async () => {
    await ctx?.close();
    await db?.drop();
  });

  it('keeps one article per URL but puts the near-identical bodies in one cluster', async () => {
    const rows = (
      await ctx.pool.query<{ id: number; source_url: string; cluster_id: number | null; body_text: string }>(
        'SELECT id, source_url, cluster_id, body_text FROM articles',
      )
    ).rows;
    expect(rows).toHaveLength(3);
    const byUrl = (fragment: string) => rows.find((row) => row.source_url.includes(fragment))!;
    const [original, syndicated, other] = [byUrl('eus-kallas-visits-baku'), byUrl('kallas-in-baku'), byUrl('another-story')];
    expect(syndicated.body_text).toContain('went on with her South Caucasus tour');
    expect(original.body_text).not.toContain('went on with her South Caucasus tour');
    const cluster = Math.min(original.id, syndicated.id);
    expect(original.cluster_id).toBe(cluster);
    expect(syndicated.cluster_id).toBe(cluster);
    expect(other.cluster_id).toBeNull();
  });
});
