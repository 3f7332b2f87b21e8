import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { AuthError } from '../../../src/fetch/fetchJson.js';
import { startFixtureSite, type FixtureSiteHandle } from '../../../src/fixtureSite/index.js';
import { fixturePageText } from '../../../src/fixtureSite/pagesAndTypes.js';
import { createLogger } from '../../../src/log.js';
import { readStatus } from '../../../src/cli/commands/statusCommand.js';
import { listSources } from '../../../src/scheduler/sourceQueries.js';
import { createContext } from '../../../src/jobs/createContext.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../../workers/startWorkers.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../../helpers/testDatabase.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

const SECRET_KEY = randomBytes(32).toString('hex');
const LOGIN = { user: 'editor', password: 'abcd EFGH 1234 ijkl MNOP 5678' };
const POSTS = 30;
const PAGES = 12;

type Ctx = Awaited<ReturnType<typeof createContext>>;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let cliCtx: Ctx;
let workerCtx: Ctx;
let workers: RunningWorkers;
let openSite: FixtureSiteHandle;
let privateSite: FixtureSiteHandle;

beforeAll(async () => {
  db = await createTestDatabase('posttypes');
  const env = { DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix, WPINGEST_SECRET_KEY: SECRET_KEY };
  // The command that registers a site and the workers that crawl it are separate processes in production:
  // the workers must find the credentials in Postgres, not in the command's memory.
  cliCtx = await createContext(loadConfig(env), createLogger('silent'));
  workerCtx = await createContext(loadConfig(env), createLogger('silent'));
  workers = await startWorkers(workerCtx, ['scheduler', 'fetch', 'process']);
  openSite = await startFixtureSite({ port: 0, posts: POSTS, pages: PAGES, seed: 'types', permalinks: 'pretty' });
  privateSite = await startFixtureSite({
    port: 0,
    posts: POSTS,
    seed: 'private',
    permalinks: 'plain',
    auth: { user: LOGIN.user, password: LOGIN.password.replace(/ /g, '') },
  });
});

afterAll(async () => {
  await workers?.close();
  await obliterateQueues(db.queuePrefix);
  await cliCtx?.close();
  await workerCtx?.close();
  await openSite?.close();
  await privateSite?.close();
  await db?.drop();
});

describe('pages and custom post types (--types)', () => {
  it('backfills posts and pages in one run; pages land as articles with their type', async () => {
    const start = await startBackfill(cliCtx, openSite.url, { types: ['post', 'page'] });
    expect(start.totalPosts).toBe(POSTS + PAGES);
    expect((await waitForRunDone(cliCtx, start.runId)).status).toBe('done');
    const pages = await cliCtx.pool.query<{ title: string; body_text: string; permalinks: string[] }>(
      `SELECT title, body_text, permalinks FROM article_feed WHERE post_type = 'page' ORDER BY title`,
    );
    expect(pages.rows).toHaveLength(PAGES);
    const first = fixturePageText(1);
    const page1 = pages.rows.find((row) => row.title === first.title)!;
    for (const paragraph of first.paragraphs) expect(page1.body_text).toContain(paragraph);
    expect(page1.permalinks).toEqual([`${openSite.url}/about-the-newsroom-1/`]);
    expect((await cliCtx.pool.query(`SELECT count(*)::int AS n FROM raw_posts WHERE post_type = 'post'`)).rows[0].n).toBe(POSTS);
    expect((await cliCtx.pool.query(`SELECT post_types FROM sites WHERE url = $1`, [openSite.url])).rows[0].post_types).toEqual(['posts', 'pages']);
  });

  it('refuses a post type the site does not have, with one line listing the ones it has', async () => {
    await expect(startBackfill(cliCtx, openSite.url, { types: ['post', 'recipes'] })).rejects.toThrow(/no post type "recipes".*post, page, attachment/);
  });
});

describe('private sites (--auth user:application-password)', () => {
  it("a wrong password is one clear permanent error naming WordPress's reason, and leaves no run behind", async () => {
    const attempt = startBackfill(cliCtx, privateSite.url, { auth: { user: LOGIN.user, password: 'wrong pass word' } });
    await expect(attempt).rejects.toBeInstanceOf(AuthError);
    await expect(attempt).rejects.toMatchObject({ reason: 'incorrect_password' });
    await expect(attempt).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:\d+ refused the credentials \(401 incorrect_password\): check --auth user:application-password$/,
    );
    await expect(startBackfill(cliCtx, privateSite.url)).rejects.toMatchObject({ reason: 'rest_not_logged_in' });
    expect(
      (await cliCtx.pool.query('SELECT count(*)::int AS n FROM runs r JOIN sites s ON s.id = r.site_id WHERE s.url = $1', [privateSite.url])).rows[0].n,
    ).toBe(0);
  });

  it('crawls with the application password the workers read, encrypted, from Postgres', async () => {
    const start = await startBackfill(cliCtx, privateSite.url, { auth: LOGIN });
    expect((await waitForRunDone(cliCtx, start.runId)).status).toBe('done');
    const stored = (
      await cliCtx.pool.query<{ auth_user: string; auth_secret: string }>('SELECT auth_user, auth_secret FROM sites WHERE id = $1', [start.siteId])
    ).rows[0]!;
    expect(stored.auth_user).toBe(LOGIN.user);
    expect(stored.auth_secret).toMatch(/^v1:/);
    expect(stored.auth_secret).not.toContain(LOGIN.password.replace(/ /g, ''));
    const articles = (await cliCtx.pool.query(`SELECT count(*)::int AS n FROM article_posts WHERE site_id = $1`, [start.siteId])).rows[0].n;
    expect(articles).toBe(POSTS);
  });

  it('never shows the password or its ciphertext in status or the source list', async () => {
    const secret = (await cliCtx.pool.query<{ auth_secret: string }>('SELECT auth_secret FROM sites WHERE url = $1', [privateSite.url])).rows[0]!.auth_secret;
    const shown = JSON.stringify([await readStatus(cliCtx), (await cliCtx.pool.query(listSources())).rows]);
    expect(shown).toContain(privateSite.url);
    for (const hidden of [LOGIN.password, LOGIN.password.replace(/ /g, ''), secret, Buffer.from(`${LOGIN.user}:`).toString('base64').slice(0, 8)])
      expect(shown).not.toContain(hidden);
  });

  it('--auth without WPINGEST_SECRET_KEY stops before contacting the site', async () => {
    const keyless = await createContext(
      loadConfig({ DATABASE_URL: db.databaseUrl, REDIS_URL: TEST_REDIS_URL, WPINGEST_QUEUE_PREFIX: db.queuePrefix }),
      createLogger('silent'),
    );
    try {
      await expect(startBackfill(keyless, privateSite.url, { auth: LOGIN })).rejects.toThrow(/--auth needs WPINGEST_SECRET_KEY/);
    } finally {
      await keyless.close();
    }
  });
});
