import pg from 'pg';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';
import { articleIdentity } from '../../workers/prepareArticleRow.js';

/** Teasers per seeded source, links per seeded article, block counts and sightings per seeded article. */
const TEASERS_PER_ARTICLE = 0.1;
const LINKS_PER_ARTICLE = 2;
const BLOCK_STATS_PER_ARTICLE = 0.2;
const SIGHTINGS_PER_ARTICLE = 1;

/** sql/000008_scale.sql's band indexes. */
const BAND_INDEXES = [1, 2, 3, 4].map((i) => `CREATE INDEX articles_band_${i} ON articles ((simhash_bands[${i}])) INCLUDE (id, simhash, source_domain, simhash_bands)`);

/** What was seeded, and how long it took. */
export interface SeedResult {
  domain: string;
  articles: number;
  teasers: number;
  links: number;
  blockStats: number;
  sightings: number;
  seconds: number;
}

/**
 * The source domain the fixture site's articles are stored under: the seeded articles go to the same source,
 * so every per-source cost (its article count, its block counts, its teasers) meets a million articles.
 */
export async function fixtureSourceDomain(siteUrl: string): Promise<string> {
  const response = await fetch(new URL('wp-json/wp/v2/posts?per_page=1', siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`));
  const [post] = (await response.json()) as WpPost[];
  if (!post) throw new Error(`${siteUrl} lists no post`);
  return articleIdentity(extractArticle(post, { site: siteUrl, terms: EMPTY_TERM_NAMES })).sourceDomain;
}

/**
 * Bulk-loads `count` synthetic articles of `domain` (set-based SQL, not ingestion), with teasers and their
 * article links, block counts and sightings, as a long-running deployment would have them. The article
 * indexes are dropped for the load and built again (with the migrations' definitions), as a bulk load does.
 */
export async function seedArticles(databaseUrl: string, domain: string, count: number): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const teasers = Math.max(1, Math.round(count * TEASERS_PER_ARTICLE));
  const blockStats = Math.max(1, Math.round(count * BLOCK_STATS_PER_ARTICLE));
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`DROP INDEX articles_simhash_bands, articles_block_fps, articles_published, articles_source_domain, ${BAND_INDEXES.map((_, i) => `articles_band_${i + 1}`).join(', ')}`);
    // simhash from a hash of the number: its four 16-bit bands are spread as a real corpus's are.
    await client.query(
      `INSERT INTO articles (source_url, source_domain, title, summary, body_text, body_html, word_count, language, profile, content_hash,
         simhash, simhash_bands, version_site_id, version_wp_id, version_date_gmt, published_at, block_fps)
       SELECT 'https://' || $1 || '/seeded/' || g || '/', $1, 'Seeded article ' || g, 'Summary of seeded article ' || g,
         repeat('Seeded paragraph of article ' || g || '. ', 8), '<p>' || repeat('Seeded paragraph of article ' || g || '. ', 8) || '</p>',
         40, 'de', 'seeded', md5(g::text), h,
         ARRAY[(h & 65535)::int, ((h >> 16) & 65535)::int + 65536, ((h >> 32) & 65535)::int + 131072, ((h >> 48) & 65535)::int + 196608],
         0, g, timestamptz '2020-01-01' + g * interval '1 minute', timestamptz '2020-01-01' + g * interval '1 minute',
         ARRAY['seed' || (g % $3), 'seed' || ((g * 7) % $3), 'seed' || ((g * 13) % $3)]
       FROM (SELECT g, hashtextextended(g::text, 0) AS h FROM generate_series(1, $2::int) AS g) AS x`,
      [domain, count, blockStats],
    );
    await client.query('CREATE INDEX articles_simhash_bands ON articles USING gin (simhash_bands) WITH (fastupdate = off)');
    await client.query('CREATE INDEX articles_block_fps ON articles USING gin (block_fps) WITH (fastupdate = off)');
    await client.query('CREATE INDEX articles_published ON articles (published_at)');
    await client.query('CREATE INDEX articles_source_domain ON articles (source_domain)');
    for (const create of BAND_INDEXES) await client.query(create);
    await client.query(
      `INSERT INTO teasers (source_domain, key, ref, title, url, first_seen, last_seen, times_seen)
       SELECT $1, 'text:seed' || g, 'url:seed' || g, 'Seeded teaser ' || g, 'https://' || $1 || '/seeded/' || g || '/', '2020-01-01', '2021-01-01', 1 + g % 40
       FROM generate_series(1, $2::int) AS g`,
      [domain, teasers],
    );
    const teaserIds = await client.query<{ min: string; max: string }>('SELECT min(id), max(id) FROM teasers');
    await client.query(
      `INSERT INTO article_teasers (article_id, teaser_id, slot, position)
       SELECT a.id, $1::bigint + (a.id * 31 + k) % $2, 'related', k FROM articles a, generate_series(0, $3::int - 1) AS k
       ON CONFLICT DO NOTHING`,
      [teaserIds.rows[0]!.min, Number(teaserIds.rows[0]!.max) - Number(teaserIds.rows[0]!.min) + 1, LINKS_PER_ARTICLE],
    );
    await client.query(
      `INSERT INTO block_stats (source_domain, fingerprint, articles, sample)
       SELECT $1, 'seed' || g, 1 + g % 50, 'Seeded block ' || g FROM generate_series(0, $2::int - 1) AS g`,
      [domain, blockStats],
    );
    await client.query(
      `INSERT INTO block_sightings (source_domain, fingerprint, source_url)
       SELECT $1, 'seed' || (g % $3), 'https://' || $1 || '/seeded/' || g || '/' FROM generate_series(1, $2::int) AS g`,
      [domain, Math.round(count * SIGHTINGS_PER_ARTICLE), blockStats],
    );
    await client.query(
      `INSERT INTO source_articles (source_domain, articles) SELECT source_domain, count(*) FROM articles GROUP BY 1
       ON CONFLICT (source_domain) DO UPDATE SET articles = EXCLUDED.articles`,
    );
    await client.query('VACUUM ANALYZE');
    const links = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM article_teasers')).rows[0]!.n);
    return { domain, articles: count, teasers, links, blockStats, sightings: Math.round(count * SIGHTINGS_PER_ARTICLE), seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
