import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createContext } from '../../src/jobs/createContext.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { startWorkers, type RunningWorkers } from '../../workers/startWorkers.js';
import { createTestDatabase, obliterateQueues, TEST_REDIS_URL } from '../helpers/testDatabase.js';
import { waitForRunDone } from '../helpers/waitForRunDone.js';
import { REALWP_DIR, REALWP_SCRIPTS, REALWP_URL, realWordpressAvailable, startRealWordpress } from './realWordpress.js';

/**
 * A must-use plugin for the shared test WordPress: a custom post type `story` (REST base `stories`) that only
 * logged-in users may list (as on a members-only site), and application passwords over plain http on loopback
 * (WordPress offers them only over https or on a `local` environment; start.sh rewrites wp-config on every start).
 * WordPress 6.1 settles the current user at `init` (kses asks for capabilities), before a `?rest_route=` request
 * is known to be a REST request, so application passwords would be ignored on this plain-permalink site: the
 * `application_password_is_api_request` filter says it is one. Harmless to the other tests: posts are untouched.
 */
const MU_PLUGIN = `<?php
// Installed by wpingest's test:wordpress (postTypesAndAuth.test.ts).
add_action('init', function () {
  register_post_type('story', ['public' => true, 'label' => 'Stories', 'show_in_rest' => true, 'rest_base' => 'stories', 'supports' => ['title', 'editor', 'author', 'excerpt']]);
});
add_filter('wp_is_application_passwords_available', '__return_true');
add_filter('application_password_is_api_request', fn ($is) => $is || isset($_GET['rest_route']));
add_filter('rest_pre_dispatch', function ($result, $server, $request) {
  if (str_starts_with($request->get_route(), '/wp/v2/stories') && !is_user_logged_in()) {
    return new WP_Error('rest_not_logged_in', 'You are not currently logged in.', ['status' => 401]);
  }
  return $result;
}, 10, 3);
`;

/** Creates (once) the test's pages and stories, and a fresh application password for the admin; prints JSON. */
const SETUP_PHP = `
require getenv('REALWP_SITE') . '/wp-load.php';
wp_set_current_user(1);
$made = ['page' => [], 'story' => []];
foreach (['page', 'story'] as $type) {
  for ($n = 1; $n <= 2; $n++) {
    $slug = "wpingest-$type-$n";
    $found = get_posts(['name' => $slug, 'post_type' => $type, 'post_status' => 'publish', 'numberposts' => 1]);
    $id = $found ? $found[0]->ID : wp_insert_post(['post_type' => $type, 'post_status' => 'publish', 'post_name' => $slug,
      'post_title' => ucfirst($type) . " $n from the wpingest test",
      'post_content' => "<!-- wp:paragraph -->\\n<p>The $type number $n explains how corrections are published and how readers reach the editors.</p>\\n<!-- /wp:paragraph -->\\n\\n<!-- wp:paragraph -->\\n<p>Second paragraph of $type $n, with enough words to count as an article body for the extractor.</p>\\n<!-- /wp:paragraph -->"], true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
    $made[$type][] = $id;
  }
}
foreach (WP_Application_Passwords::get_user_application_passwords(1) as $item) {
  if ($item['name'] === 'wpingest-test') WP_Application_Passwords::delete_application_password(1, $item['uuid']);
}
$created = WP_Application_Passwords::create_new_application_password(1, ['name' => 'wpingest-test']);
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message()); exit(1); }
$counts = ['page' => (int) wp_count_posts('page')->publish, 'story' => (int) wp_count_posts('story')->publish];
echo json_encode(['made' => $made, 'password' => WP_Application_Passwords::chunk_password($created[0]), 'counts' => $counts]);
`;

interface Setup {
  made: { page: number[]; story: number[] };
  password: string;
  counts: { page: number; story: number };
}

type Ctx = Awaited<ReturnType<typeof createContext>>;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let cliCtx: Ctx;
let workerCtx: Ctx;
let workers: RunningWorkers | undefined;
let setup: Setup;

if (!realWordpressAvailable()) console.warn(`[test:wordpress] skipped: ${REALWP_SCRIPTS}/start.sh not found`);

describe.skipIf(!realWordpressAvailable())(`pages, a custom post type and an application password on a real WordPress 6.1 (${REALWP_URL})`, () => {
  beforeAll(async () => {
    startRealWordpress();
    const site = join(REALWP_DIR, 'site');
    mkdirSync(join(site, 'wp-content/mu-plugins'), { recursive: true });
    writeFileSync(join(site, 'wp-content/mu-plugins/wpingest-test-types.php'), MU_PLUGIN);
    setup = JSON.parse(execFileSync('php', ['-r', SETUP_PHP], { env: { ...process.env, REALWP_SITE: site }, encoding: 'utf8', timeout: 60_000 })) as Setup;
    db = await createTestDatabase('realwptypes');
    const env = {
      DATABASE_URL: db.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      WPINGEST_QUEUE_PREFIX: db.queuePrefix,
      WPINGEST_SECRET_KEY: randomBytes(32).toString('base64'),
    };
    cliCtx = await createContext(loadConfig(env), createLogger('silent'));
    workerCtx = await createContext(loadConfig(env), createLogger('silent'));
    workers = await startWorkers(workerCtx, ['scheduler', 'fetch', 'process']);
  });

  afterAll(async () => {
    await workers?.close();
    if (db) await obliterateQueues(db.queuePrefix);
    await cliCtx?.close();
    await workerCtx?.close();
    await db?.drop();
  });

  it("a wrong application password is one clear error with WordPress's reason", async () => {
    await expect(
      startBackfill(cliCtx, REALWP_URL, { types: ['page'], auth: { user: 'admin', password: 'aaaa bbbb cccc dddd eeee ffff' } }),
    ).rejects.toMatchObject({ reason: 'incorrect_password', message: expect.stringMatching(/refused the credentials \(401 incorrect_password\)/) });
  });

  it("the members-only custom type is refused without credentials, with WordPress's reason", async () => {
    await expect(startBackfill(cliCtx, REALWP_URL, { types: ['page', 'story'] })).rejects.toMatchObject({ reason: 'rest_not_logged_in' });
  });

  it('pages and the custom post type land as articles, read with the application password', async () => {
    const start = await startBackfill(cliCtx, REALWP_URL, { types: ['page', 'story'], auth: { user: 'admin', password: setup.password } });
    expect(start.totalPosts).toBe(setup.counts.page + setup.counts.story);
    expect((await waitForRunDone(cliCtx, start.runId, 120_000)).status).toBe('done');
    const rows = (
      await cliCtx.pool.query<{ post_type: string; title: string; body_text: string; n: number }>(
        `SELECT f.post_type, f.title, f.body_text FROM article_feed f ORDER BY f.title`,
      )
    ).rows;
    expect(rows.filter((row) => row.post_type === 'page')).toHaveLength(setup.counts.page);
    expect(rows.filter((row) => row.post_type === 'story')).toHaveLength(setup.counts.story);
    for (const type of ['page', 'story'] as const) {
      const article = rows.find((row) => row.title === `${type[0]!.toUpperCase()}${type.slice(1)} 1 from the wpingest test`);
      expect(article?.post_type).toBe(type);
      expect(article?.body_text).toContain(`The ${type} number 1 explains how corrections are published`);
    }
    // Only the chosen types: none of the 3000 posts.
    expect(rows.some((row) => row.post_type === 'post')).toBe(false);
    expect((await cliCtx.pool.query(`SELECT post_types, auth_user FROM sites WHERE id = $1`, [start.siteId])).rows[0]).toEqual({
      post_types: ['pages', 'stories'],
      auth_user: 'admin',
    });
  });
});
