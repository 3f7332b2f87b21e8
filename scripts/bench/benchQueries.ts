import type { Query } from '../../src/db/query.js';

/** Named queries the bench reads its figures with (Postgres statistics and the run's outcome). */

/** A run's status and error (row `{ status, error }`). */
export const runOutcome = (runId: number): Query => ({ text: 'SELECT status, error FROM runs WHERE id = $1', values: [runId] });

/** A run's pages by status (rows `{ status, n }`). */
export const runPagesByStatus = (runId: number): Query => ({
  text: 'SELECT status, count(*)::int AS n FROM run_pages WHERE run_id = $1 GROUP BY 1',
  values: [runId],
});

/** The database's own tables (rows `{ relname }`). */
export const userTables = (): Query => ({ text: 'SELECT relname FROM pg_stat_user_tables ORDER BY 1', values: [] });

/** Rows of one table (row `{ n }`); a table name is no parameter, so it is quoted as an identifier. */
export const tableRowCount = (table: string): Query => ({ text: `SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`, values: [] });

/** Live raw posts, apart from those of sites whose host ends with `seededSuffix` (the scale check's seeded ones) (row `{ n }`). */
export const livePostCount = (seededSuffix: string): Query => ({
  text: `SELECT count(*) AS n FROM raw_posts WHERE status = 'live' AND site_id NOT IN (SELECT id FROM sites WHERE url LIKE '%' || $1 || '/')`,
  values: [seededSuffix],
});

/** Articles, deleted ones too (row `{ n }`). */
export const articleCount = (): Query => ({ text: 'SELECT count(*) AS n FROM articles', values: [] });

/** Recorded failures (row `{ n }`). */
export const failureCount = (): Query => ({ text: 'SELECT count(*) AS n FROM failures', values: [] });

/** Rows inserted and updated in the database's tables since its statistics were reset (row `{ n }`). */
export const rowWrites = (): Query => ({ text: 'SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) AS n FROM pg_stat_user_tables', values: [] });

/** The server processes connected to a database (rows `{ pid }`). */
export const backendsOf = (database: string): Query => ({ text: 'SELECT pid FROM pg_stat_activity WHERE datname = $1', values: [database] });

/** This connection's server process (row `{ pid }`). */
export const backendPid = (): Query => ({ text: 'SELECT pg_backend_pid() AS pid', values: [] });

/** The server's version string (row `{ version }`). */
export const serverVersion = (): Query => ({ text: 'SELECT version()', values: [] });

/** Refreshes the planner statistics of every table. */
export const analyze = (): Query => ({ text: 'ANALYZE', values: [] });

/** Drops a scratch database, ending its sessions; a database name is no parameter, so it is quoted. */
export const dropDatabase = (name: string): Query => ({ text: `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`, values: [] });

/**
 * What a backfill stored, apart from the rows of sources whose domain ends with `seededSuffix` (the scale
 * check's seeded ones): one row, see `BackfillOutput`. `digest` covers every article's URL, content hash,
 * template blocks and body, so two runs that stored the same articles have the same digest.
 */
export const backfillOutput = (seededSuffix: string): Query => ({
  text: `WITH mine AS (SELECT * FROM articles WHERE right(source_domain, length($1)) <> $1)
     SELECT (SELECT count(*) FROM mine)::int AS articles,
       (SELECT coalesce(sum(length(body_text)), 0) FROM mine)::bigint AS "bodyChars",
       (SELECT coalesce(sum(cardinality(template_fps)), 0) FROM mine)::int AS "templateBlocksRemoved",
       (SELECT count(DISTINCT cluster_id) FROM mine)::int AS clusters,
       (SELECT count(*) FROM block_stats WHERE right(source_domain, length($1)) <> $1)::int AS "blockCounts",
       (SELECT count(*) FROM teasers WHERE right(source_domain, length($1)) <> $1)::int AS teasers,
       (SELECT count(*) FROM article_teasers at JOIN mine ON mine.id = at.article_id)::int AS "teaserLinks",
       (SELECT md5(coalesce(string_agg(source_url || ' ' || content_hash || ' ' || template_fps::text || ' ' || md5(body_text), ',' ORDER BY source_url), '')) FROM mine) AS digest`,
  values: [seededSuffix],
});
