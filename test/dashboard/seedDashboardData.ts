import type { Pool } from 'pg';
import type { Queues } from '../../src/queues.js';

/** The site every dashboard test looks for. */
export const SITE_URL = 'https://news.example.test/';
/** A site whose URL would break the page (and run script) if the overview did not escape it. */
export const HOSTILE_SITE_URL = 'https://evil.example.test/?q="><script>window.__xss=1</script>&x=<b>';
/** A failure message with markup in it. */
export const HOSTILE_MESSAGE = '<img src=x onerror="window.__xss=2"> upstream said 503';

/** Seeded figures the tests assert on. */
export const SEEDED = {
  rawPosts: 5,
  articles: 3,
  articlePosts: 4,
  teasers: 2,
  pages: { processed: 2, fetched: 1, pending: 1 },
  totalPages: 4,
  totalPosts: 40,
  postsProcessed: 20,
  fetchJobsWaiting: 2,
  processJobsDelayed: 1,
  /** The cursor is a post's modified date: months old on a quiet site, whatever the sync's health. */
  syncCursorAgeSeconds: 200 * 86_400,
  /** When the last successful sync finished: what the lag metric measures. */
  lastSyncAgeSeconds: 600,
  failures: { http_503: 3, parse_error: 1 },
} as const;

/** Inserts a site with a running backfill, posts, articles, teasers and failures; returns the ids. */
export async function seedDashboardData(pool: Pool): Promise<{ siteId: number; runId: number }> {
  const site = await pool.query(`INSERT INTO sites (url, sync_cursor) VALUES ($1, now() - make_interval(secs => $2)) RETURNING id`, [
    SITE_URL,
    SEEDED.syncCursorAgeSeconds,
  ]);
  const siteId = Number(site.rows[0].id);
  await pool.query(`INSERT INTO sites (url) VALUES ($1)`, [HOSTILE_SITE_URL]);
  // Older runs of the site: a successful sync, then a failed one (the lag counts from the successful one).
  await pool.query(
    `INSERT INTO runs (site_id, kind, status, started_at, finished_at) VALUES
       ($1, 'sync', 'done', now() - make_interval(secs => $2 + 5), now() - make_interval(secs => $2)),
       ($1, 'sync', 'failed', now() - interval '60 seconds', now() - interval '55 seconds')`,
    [siteId, SEEDED.lastSyncAgeSeconds],
  );
  const run = await pool.query(
    `INSERT INTO runs (site_id, kind, status, total_pages, total_posts, started_at) VALUES ($1, 'backfill', 'running', $2, $3, now() - interval '100 seconds') RETURNING id`,
    [siteId, SEEDED.totalPages, SEEDED.totalPosts],
  );
  const runId = Number(run.rows[0].id);
  await pool.query(
    `INSERT INTO run_pages (run_id, page, status, posts) VALUES ($1, 1, 'processed', 10), ($1, 2, 'processed', 10), ($1, 3, 'fetched', 10), ($1, 4, 'pending', NULL)`,
    [runId],
  );
  await pool.query(`INSERT INTO raw_posts (site_id, wp_id, payload, content_hash) SELECT $1, g, '{}', 'h' || g FROM generate_series(1, $2::int) g`, [
    siteId,
    SEEDED.rawPosts,
  ]);
  for (let n = 1; n <= SEEDED.articles; n += 1) await insertArticle(pool, siteId, n);
  // Posts 1 and 2 are the same story: one article, one duplicate merged.
  await pool.query(
    `INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at)
     SELECT $1, p.wp_id, a.id, 'h', now() FROM (VALUES (1, 1), (2, 1), (3, 2), (4, 3)) p(wp_id, n)
     JOIN articles a ON a.source_url = 'https://source.example.test/story-' || p.n`,
    [siteId],
  );
  await pool.query(`INSERT INTO teasers (source_domain, key, title) VALUES ('source.example.test', 'nid:1', 'One'), ('source.example.test', 'nid:2', 'Two')`);
  await pool.query(
    `INSERT INTO failures (run_id, site_id, stage, page, reason, message, permanent)
     SELECT $1::bigint, $2::bigint, 'fetch', 4, 'http_503', 'Service Unavailable', false FROM generate_series(1, 3)
     UNION ALL SELECT $1::bigint, $2::bigint, 'process', 3, 'parse_error', $3::text, true`,
    [runId, siteId, HOSTILE_MESSAGE],
  );
  return { siteId, runId };
}

async function insertArticle(pool: Pool, siteId: number, n: number): Promise<void> {
  await pool.query(
    `INSERT INTO articles (source_url, source_domain, title, body_text, body_html, word_count, profile, content_hash, simhash, simhash_bands,
                           version_site_id, version_wp_id, published_at)
     VALUES ($1, 'source.example.test', $2, 'body', '<p>body</p>', 1, 'generic', $3, $4, '{1,2,3,4}', $5, $4, now())`,
    [`https://source.example.test/story-${n}`, `Story ${n}`, `c${n}`, n, siteId],
  );
}

/** Adds jobs no worker will take: two waiting fetch jobs and one delayed process job. */
export async function seedJobs(queues: Queues, siteId: number, runId: number): Promise<void> {
  await queues.fetch.add('fetch', { siteId, runId, page: 3 }, { jobId: queues.ids.fetch({ siteId, runId, page: 3 }) });
  await queues.fetch.add('fetch', { siteId, runId, page: 4 }, { jobId: queues.ids.fetch({ siteId, runId, page: 4 }) });
  await queues.process.add('process', { siteId, runId, page: 3 }, { jobId: queues.ids.process({ siteId, runId, page: 3 }), delay: 10 * 60_000 });
}
