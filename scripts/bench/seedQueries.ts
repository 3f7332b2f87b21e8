import type { Query } from '../../src/db/query.js';

/** Named statements of the bench's bulk load of synthetic articles (set-based SQL, not ingestion). */

/** Band indexes of sql/000008_scale.sql. */
const BAND_INDEXES = [1, 2, 3, 4].map((i): [string, string] => [
  `articles_band_${i}`,
  `CREATE INDEX articles_band_${i} ON articles ((simhash_bands[${i}])) INCLUDE (id, simhash, source_domain, simhash_bands)`,
]);
/** The article indexes a bulk load drops and builds again, with the migrations' definitions, in build order. */
const ARTICLE_INDEXES: Array<[name: string, definition: string]> = [
  ['articles_simhash_bands', 'CREATE INDEX articles_simhash_bands ON articles USING gin (simhash_bands) WITH (fastupdate = off)'],
  ['articles_block_fps', 'CREATE INDEX articles_block_fps ON articles USING gin (block_fps) WITH (fastupdate = off)'],
  ['articles_published', 'CREATE INDEX articles_published ON articles (published_at)'],
  ['articles_source_domain', 'CREATE INDEX articles_source_domain ON articles (source_domain)'],
  ...BAND_INDEXES,
];

const statement = (text: string): Query => ({ text, values: [] });

/** More memory for this session's index builds. */
export const raiseMaintenanceMemory = (): Query => statement(`SET maintenance_work_mem = '256MB'`);

export const dropArticleIndexes = (): Query => statement(`DROP INDEX ${ARTICLE_INDEXES.map(([name]) => name).join(', ')}`);

/** One statement per index, to run in order. */
export const createArticleIndexes = (): Query[] => ARTICLE_INDEXES.map(([, create]) => statement(create));

/**
 * `count` articles of `domain`, with block fingerprints among `blockStats` ones; simhash from a hash of the
 * number: its four 16-bit bands are spread as a real corpus's are.
 */
export const insertSeededArticles = (domain: string, count: number, blockStats: number): Query => ({
  text: `INSERT INTO articles (source_url, source_domain, title, summary, body_text, body_html, word_count, language, profile, content_hash,
         simhash, simhash_bands, version_site_id, version_wp_id, version_date_gmt, published_at, block_fps)
       SELECT 'https://' || $1 || '/seeded/' || g || '/', $1, 'Seeded article ' || g, 'Summary of seeded article ' || g,
         repeat('Seeded paragraph of article ' || g || '. ', 8), '<p>' || repeat('Seeded paragraph of article ' || g || '. ', 8) || '</p>',
         40, 'de', 'seeded', md5(g::text), h,
         ARRAY[(h & 65535)::int, ((h >> 16) & 65535)::int + 65536, ((h >> 32) & 65535)::int + 131072, ((h >> 48) & 65535)::int + 196608],
         0, g, timestamptz '2020-01-01' + g * interval '1 minute', timestamptz '2020-01-01' + g * interval '1 minute',
         ARRAY['seed' || (g % $3), 'seed' || ((g * 7) % $3), 'seed' || ((g * 13) % $3)]
       FROM (SELECT g, hashtextextended(g::text, 0) AS h FROM generate_series(1, $2::int) AS g) AS x`,
  values: [domain, count, blockStats],
});

export const insertSeededTeasers = (domain: string, count: number): Query => ({
  text: `INSERT INTO teasers (source_domain, key, ref, title, url, first_seen, last_seen, times_seen)
       SELECT $1, 'text:seed' || g, 'url:seed' || g, 'Seeded teaser ' || g, 'https://' || $1 || '/seeded/' || g || '/', '2020-01-01', '2021-01-01', 1 + g % 40
       FROM generate_series(1, $2::int) AS g`,
  values: [domain, count],
});

/** The smallest and largest teaser id (row `{ min, max }`, as text). */
export const teaserIdRange = (): Query => statement('SELECT min(id), max(id) FROM teasers');

/** Links every article to `perArticle` teasers spread over the `teasers` ids from `firstTeaserId`. */
export const linkSeededTeasers = (firstTeaserId: string, teasers: number, perArticle: number): Query => ({
  text: `INSERT INTO article_teasers (article_id, teaser_id, slot, position)
       SELECT a.id, $1::bigint + (a.id * 31 + k) % $2, 'related', k FROM articles a, generate_series(0, $3::int - 1) AS k
       ON CONFLICT DO NOTHING`,
  values: [firstTeaserId, teasers, perArticle],
});

export const insertSeededBlockStats = (domain: string, count: number): Query => ({
  text: `INSERT INTO block_stats (source_domain, fingerprint, articles, sample)
       SELECT $1, 'seed' || g, 1 + g % 50, 'Seeded block ' || g FROM generate_series(0, $2::int - 1) AS g`,
  values: [domain, count],
});

export const insertSeededSightings = (domain: string, count: number, blockStats: number): Query => ({
  text: `INSERT INTO block_sightings (source_domain, fingerprint, source_url)
       SELECT $1, 'seed' || (g % $3), 'https://' || $1 || '/seeded/' || g || '/' FROM generate_series(1, $2::int) AS g`,
  values: [domain, count, blockStats],
});

/** Sets every source's kept article count to its articles now. */
export const recountSourceArticles = (): Query =>
  statement(`INSERT INTO source_articles (source_domain, articles) SELECT source_domain, count(*) FROM articles GROUP BY 1
       ON CONFLICT (source_domain) DO UPDATE SET articles = EXCLUDED.articles`);

export const vacuumAnalyze = (): Query => statement('VACUUM ANALYZE');

/** Article-teaser links (row `{ n }`). */
export const articleTeaserCount = (): Query => statement('SELECT count(*) AS n FROM article_teasers');
