import type { Query } from '../../src/db/query.js';

/**
 * Named statements of the bench's bulk load of synthetic articles (set-based SQL, not ingestion). The sources
 * to seed are first put in a temporary table, `seed_sources` (one row per source: its domain, site, article
 * count, block and teaser counts); every later statement generates that source's rows from it. An article is
 * numbered within its source (`local`, which is also its WP post id on the source's site).
 */

/** Band indexes of sql/000008_scale.sql. */
const BAND_INDEXES = [1, 2, 3, 4].map((i): [string, string] => [
  `articles_band_${i}`,
  `CREATE INDEX articles_band_${i} ON articles ((simhash_bands[${i}])) INCLUDE (id, simhash, source_domain, simhash_bands)`,
]);
/** The article indexes a bulk load drops and builds again, with the migrations' definitions, in build order. */
const ARTICLE_INDEXES: Array<[name: string, definition: string]> = [
  ['articles_published', 'CREATE INDEX articles_published ON articles (published_at)'],
  ['articles_source_domain', 'CREATE INDEX articles_source_domain ON articles (source_domain)'],
  ['articles_search', 'CREATE INDEX articles_search ON articles USING gin (search_vector)'],
  ['articles_updated', 'CREATE INDEX articles_updated ON articles (updated_at, id)'],
  ...BAND_INDEXES,
];

const statement = (text: string): Query => ({ text, values: [] });

/** More memory for this session's index builds. */
export const raiseMaintenanceMemory = (): Query => statement(`SET maintenance_work_mem = '256MB'`);

export const dropArticleIndexes = (): Query => statement(`DROP INDEX ${ARTICLE_INDEXES.map(([name]) => name).join(', ')}`);

/** One statement per index, to run in order. */
export const createArticleIndexes = (): Query[] => ARTICLE_INDEXES.map(([, create]) => statement(create));

/**
 * One site per seeded source (`https://<domain>/`), and the session's `seed_sources` table: each source's
 * domain, site id, article count and its numbers of distinct blocks and teasers (`blockShare`, `teaserShare`
 * of its articles, at least one).
 */
export const createSeedSources = (domains: readonly string[], articles: readonly number[], blockShare: number, teaserShare: number): Query => ({
  text: `CREATE TEMP TABLE seed_sources AS
       WITH given AS (SELECT d AS domain, n, o AS s FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS x(d, n, o)),
         site AS (INSERT INTO sites (url, api_root, api_form) SELECT 'https://' || domain || '/', 'https://' || domain || '/wp-json/', 'pretty' FROM given ORDER BY s
                  RETURNING id, url)
       SELECT g.s::int AS s, g.domain, site.id AS site_id, g.n, greatest(1, round(g.n * $3::float8))::int AS blocks,
         greatest(1, round(g.n * $4::float8))::int AS teasers, 0::bigint AS first_teaser
       FROM given g JOIN site ON site.url = 'https://' || g.domain || '/'`,
  values: [domains, articles, blockShare, teaserShare],
});

/**
 * Every source's articles, interleaved across sources as years of ingesting them side by side would store them
 * (article 1 of every source, then article 2, ...). SimHash from a hash of the URL: its four 16-bit bands are
 * spread as a real corpus's are. Each article carries three of its source's block fingerprints, and is already in
 * the full-text index (a deployment's indexer has long caught up).
 */
export const insertSeededArticles = (): Query =>
  statement(`INSERT INTO articles (source_url, source_domain, title, summary, body_text, body_html, word_count, language, profile, content_hash,
         simhash, simhash_bands, version_site_id, version_wp_id, version_date_gmt, published_at, block_fps, search_vector)
       SELECT url, domain, title, summary, body, '<p>' || body || '</p>',
         40, 'de', 'seeded', md5(url), h,
         ARRAY[(h & 65535)::int, ((h >> 16) & 65535)::int + 65536, ((h >> 32) & 65535)::int + 131072, ((h >> 48) & 65535)::int + 196608],
         site_id, local, at, at,
         ARRAY['seed' || (local % blocks), 'seed' || ((local * 7) % blocks), 'seed' || ((local * 13) % blocks)],
         article_search_vector(title, summary, body, 'de')
       FROM (SELECT src.domain, src.site_id, src.blocks, local, 'https://' || src.domain || '/seeded/' || local || '/' AS url,
               'Seeded article ' || local || ' of ' || src.domain AS title, 'Summary of seeded article ' || local AS summary,
               repeat('Seeded paragraph of article ' || local || '. ', 8) AS body,
               hashtextextended(src.domain || '/' || local, 0) AS h, timestamptz '2020-01-01' + (local * 1000 + src.s) * interval '1 second' AS at
             FROM seed_sources src, generate_series(1, src.n) AS local
             ORDER BY local, src.s) AS x`);

/** The WP post behind each seeded article, small (the bench needs the rows and their keys, not 45 KB payloads). */
export const insertSeededRawPosts = (): Query =>
  statement(`INSERT INTO raw_posts (site_id, wp_id, payload, content_hash, modified_gmt, date_gmt, processed_hash, status)
       SELECT a.version_site_id, a.version_wp_id,
         json_build_object('id', a.version_wp_id, 'type', 'post', 'link', a.source_url, 'date_gmt', a.version_date_gmt, 'title', json_build_object('rendered', a.title)),
         a.content_hash, a.version_date_gmt, a.version_date_gmt, a.content_hash || ':seeded', 'live'
       FROM articles a ORDER BY a.id`);

/** Each seeded article's provenance: the post it came from and its one version. */
export const insertSeededProvenance = (): Query[] => [
  statement(`INSERT INTO article_posts (site_id, wp_id, article_id, content_hash, fetched_at)
       SELECT version_site_id, version_wp_id, id, content_hash, version_date_gmt FROM articles ORDER BY id`),
  statement(`INSERT INTO article_versions (article_id, content_hash, site_id, wp_id, date_gmt, title, body_text)
       SELECT id, content_hash, version_site_id, version_wp_id, version_date_gmt, title, body_text FROM articles ORDER BY id`),
  statement(`INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes)
       SELECT version_site_id, version_wp_id, 2, 0, length(body_html) FROM articles ORDER BY id`),
];

/** Each source's teasers (numbered 1..teasers), and where its teaser ids start. */
export const insertSeededTeasers = (): Query[] => [
  statement(`INSERT INTO teasers (source_domain, key, ref, title, url, first_seen, last_seen, times_seen)
       SELECT src.domain, 'text:seed' || t, 'url:seed' || t, 'Seeded teaser ' || t, 'https://' || src.domain || '/seeded/' || t || '/', '2020-01-01', '2021-01-01', 0
       FROM seed_sources src, generate_series(1, src.teasers) AS t ORDER BY src.s, t`),
  statement(`UPDATE seed_sources src SET first_teaser = t.first FROM (SELECT source_domain, min(id) AS first FROM teasers GROUP BY 1) t
       WHERE t.source_domain = src.domain`),
];

/**
 * Links every article to `perArticle` teasers of its own source, spread over them, as the teasers its post showed
 * (its figures row's `teaser_ids`, which also make its current version's `article_teasers`); then each teaser's
 * `times_seen` is its posts.
 */
export const linkSeededTeasers = (perArticle: number): Query[] => {
  const links = `SELECT DISTINCT ON (a.version_site_id, a.version_wp_id, teaser_id) a.version_site_id AS site_id, a.version_wp_id AS wp_id,
         src.first_teaser + (a.version_wp_id * 31 + k) % src.teasers AS teaser_id, k
       FROM articles a JOIN seed_sources src ON src.domain = a.source_domain, generate_series(0, $1::int - 1) AS k
       ORDER BY a.version_site_id, a.version_wp_id, teaser_id, k`;
  return [
    {
      text: `UPDATE post_figures f SET teaser_ids = l.ids, teaser_slots = l.slots, teaser_positions = l.positions
       FROM (SELECT site_id, wp_id, array_agg(teaser_id ORDER BY k) AS ids, array_agg('related'::text ORDER BY k) AS slots, array_agg(k ORDER BY k) AS positions
             FROM (${links}) l GROUP BY 1, 2) l
       WHERE f.site_id = l.site_id AND f.wp_id = l.wp_id`,
      values: [perArticle],
    },
    statement(`UPDATE teasers t SET times_seen = p.n FROM (SELECT teaser_id, count(*)::int AS n FROM post_figures, unnest(teaser_ids) AS teaser_id GROUP BY 1) p
       WHERE p.teaser_id = t.id`),
  ];
};

/**
 * One sighting per article (its first block fingerprint, by its URL), then each source's block counts from
 * the sightings, exactly as the loader keeps them.
 */
export const insertSeededBlocks = (): Query[] => [
  statement(`INSERT INTO article_blocks (source_domain, source_url, fingerprints)
       SELECT source_domain, source_url, ARRAY[block_fps[1]] FROM articles ORDER BY 1, 2`),
  statement(`INSERT INTO block_stats (source_domain, fingerprint, articles, sample)
       SELECT source_domain, fingerprints[1], count(*), 'Seeded block ' || fingerprints[1] FROM article_blocks GROUP BY 1, 2 ORDER BY 1, 2`),
];

/** Sets every source's kept article count to its articles now. */
export const recountSourceArticles = (): Query =>
  statement(`INSERT INTO source_articles (source_domain, articles) SELECT source_domain, count(*) FROM articles GROUP BY 1
       ON CONFLICT (source_domain) DO UPDATE SET articles = EXCLUDED.articles`);

export const vacuumAnalyze = (): Query => statement('VACUUM ANALYZE');

/** Rows seeded per table (row per table: `{ name, n }`). */
export const seededRowCounts = (): Query =>
  statement(`SELECT 'teasers' AS name, count(*) AS n FROM teasers UNION ALL SELECT 'article_teasers', count(*) FROM article_teasers
       UNION ALL SELECT 'block_stats', count(*) FROM block_stats
       UNION ALL SELECT 'block_sightings', count(*) FROM article_blocks, unnest(fingerprints) UNION ALL SELECT 'raw_posts', count(*) FROM raw_posts`);
