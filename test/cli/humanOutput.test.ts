import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/cli/output.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createMetrics } from '../../src/dashboard/metrics.js';
import { createLogger } from '../../src/log.js';
import { redactUrl } from '../../src/redactUrl.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startDashboard } from '../../workers/startDashboard.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { cliEnv, runCli } from '../helpers/serviceHelpers.js';

const PASSWORD = 'hunter2-Xq7';
const SITE = `http://reader:${PASSWORD}@127.0.0.1:9`;
/** A title that would retitle the terminal window, turn text red and ring the bell. */
const HOSTILE_TITLE = '\u001b]0;pwned\u0007Evil \u001b[31mred\u001b[0m title\u0007\u0008';

describe('redactUrl and forTerminal', () => {
  it('hides the credentials of every URL in a text and nothing else', () => {
    expect(redactUrl(`GET ${SITE}/wp-json/ failed; see http://example.com/a@b and mail me@example.com`)).toBe(
      'GET http://***@127.0.0.1:9/wp-json/ failed; see http://example.com/a@b and mail me@example.com',
    );
    expect(redactUrl('redis://:secret@127.0.0.1:6379/0')).toBe('redis://***@127.0.0.1:6379/0');
    expect(redactUrl('["http://a.test","x@y"]')).toBe('["http://a.test","x@y"]');
  });

  it('strips escape sequences and control characters but keeps text, tabs and newlines', () => {
    expect(forTerminal(HOSTILE_TITLE)).toBe('Evil red title');
    expect(forTerminal('a\tb\nc\u009b2Jd\u007f')).toBe('a\tb\ncd');
  });
});

describe('what the CLI and the dashboard show of hostile data', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let config: Config;
  let ctx: Awaited<ReturnType<typeof createContext>>;
  let articleId: number;
  let siteId: number;

  beforeAll(async () => {
    db = await createTestDatabase('humanout');
    config = loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_LOG_LEVEL: 'silent' });
    ctx = await createContext(config, createLogger('silent'));
    siteId = Number((await ctx.pool.query(`INSERT INTO sites (url, api_root) VALUES ($1, $2) RETURNING id`, [SITE, `${SITE}/wp-json/`])).rows[0].id);
    await ctx.pool.query(`INSERT INTO runs (site_id, kind, status, started_at, finished_at) VALUES ($1, 'sync', 'done', now() - interval '1 minute', now())`, [
      siteId,
    ]);
    await ctx.pool.query(`INSERT INTO failures (site_id, stage, reason, message, permanent) VALUES ($1, 'fetch', 'http-404', $2, true)`, [
      siteId,
      `GET ${SITE}/wp-json/wp/v2/posts answered 404 \u001b[2J`,
    ]);
    articleId = Number(
      (
        await ctx.pool.query(
          `INSERT INTO articles (source_url, source_domain, title, body_text, body_html, word_count, profile, content_hash, simhash, simhash_bands, version_site_id, version_wp_id, removed)
       VALUES ('https://source.test/a', 'source.test', $1, 'Body.', '<p>Body.</p>', 1, 'generic', 'h', 1, '{1}', $2, 1, $3) RETURNING id`,
          [HOSTILE_TITLE, siteId, JSON.stringify([{ fingerprint: 'f', reason: 'ad', bytes: 9, text: 'Buy \u001b[5mnow\u001b[0m\u0007' }])],
        )
      ).rows[0].id,
    );
    await ctx.pool.query(`INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at) VALUES ($1, 1, $2, 'h', now())`, [
      siteId,
      articleId,
    ]);
  });
  afterAll(async () => {
    await ctx?.close();
    await obliterateQueues(db.queuePrefix);
    await db?.drop();
  });

  it('status, status --json and source list never show the password', async () => {
    for (const args of [['status'], ['status', '--json'], ['source', 'list'], ['source', 'list', '--json']]) {
      const result = await runCli(args, cliEnv(config));
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.output, args.join(' ')).toContain('http://***@127.0.0.1:9');
      expect(result.output, args.join(' ')).not.toContain(PASSWORD);
    }
  });

  it('explain prints the hostile title and removed block without a single control character', async () => {
    const result = await runCli(['explain', String(articleId)], cliEnv(config));
    expect(result.code).toBe(0);
    expect(result.output).toContain(`article ${articleId}: Evil red title`);
    expect(result.output).toContain('[ad] 9 B  Buy now');
    expect(result.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.output).not.toContain(PASSWORD);
  });

  it('an error about the site names it without the password (and without a JSON log line)', async () => {
    const result = await runCli(['backfill', `${SITE}/`], cliEnv(config, { WPINGEST_LOG_LEVEL: 'info' }));
    expect(result.code).toBe(1);
    expect(result.output).toContain('http://***@127.0.0.1:9');
    expect(result.output).not.toContain(PASSWORD);
    expect(result.output).not.toMatch(/^\{/m);
  });

  it('the dashboard pages and /metrics never show the password', async () => {
    const dashboard = await startDashboard(ctx, { host: '127.0.0.1', port: 0, write: false, metrics: createMetrics() });
    try {
      for (const path of ['/', '/api/overview', '/metrics', `/sources/${siteId}`, `/articles/${articleId}`]) {
        const text = await (await fetch(new URL(path, dashboard.url))).text();
        expect(text, path).not.toContain(PASSWORD);
        expect(text, path).not.toContain('\u001b');
      }
      const metrics = await (await fetch(new URL('/metrics', dashboard.url))).text();
      expect(metrics).toContain('site="http://***@127.0.0.1:9"');
    } finally {
      await dashboard.close();
    }
  });
});
