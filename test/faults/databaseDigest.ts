import { mkdir, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Pool } from '../../src/db/createPool.js';
import { ROOT } from './faultHarness.js';

/**
 * What a finished backfill left in the database, in a form two databases can be compared by: articles by
 * source_url and content_hash, teaser links, and the counters a job applied twice would inflate.
 */
export interface DatabaseDigest {
  /** source_url -> content_hash */
  articles: Map<string, string>;
  /** `source_url|teaser key|slot|position` */
  teaserLinks: Set<string>;
  /** `domain|key` -> times_seen */
  teaserCounts: Map<string, number>;
  /** `domain|fingerprint` -> articles */
  blockCounts: Map<string, number>;
  /** live raw posts */
  rawPosts: number;
  /** WP posts linked to an article */
  articlePosts: number;
  /** `source_url|content_hash` of every article version */
  versions: Set<string>;
}

/** Reads the digest of a database. */
export async function databaseDigest(pool: Pool): Promise<DatabaseDigest> {
  const [articles, links, teasers, blocks, raw, posts, versions] = await Promise.all([
    pool.query<{ source_url: string; content_hash: string }>('SELECT source_url, content_hash FROM articles'),
    pool.query<{ k: string }>(`SELECT a.source_url || '|' || t.key || '|' || at.slot || '|' || at.position AS k
      FROM article_teasers at JOIN articles a ON a.id = at.article_id JOIN teasers t ON t.id = at.teaser_id`),
    pool.query<{ k: string; n: number }>(`SELECT source_domain || '|' || key AS k, times_seen AS n FROM teasers`),
    pool.query<{ k: string; n: number }>(`SELECT source_domain || '|' || fingerprint AS k, articles AS n FROM block_stats`),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_posts WHERE status = 'live'`),
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM article_posts'),
    pool.query<{ k: string }>(`SELECT a.source_url || '|' || v.content_hash AS k FROM article_versions v JOIN articles a ON a.id = v.article_id`),
  ]);
  return {
    articles: new Map(articles.rows.map((row) => [row.source_url, row.content_hash])),
    teaserLinks: new Set(links.rows.map((row) => row.k)),
    teaserCounts: new Map(teasers.rows.map((row) => [row.k, row.n])),
    blockCounts: new Map(blocks.rows.map((row) => [row.k, row.n])),
    rawPosts: raw.rows[0]!.n,
    articlePosts: posts.rows[0]!.n,
    versions: new Set(versions.rows.map((row) => row.k)),
  };
}

/** How a digest differs from the undisturbed one; all zero and empty when they are equal. */
export interface DigestComparison {
  expected: number;
  found: number;
  /** articles of the baseline missing or with another content hash */
  lost: string[];
  /** articles not in the baseline, and counters above the baseline's (work applied twice) */
  doubled: string[];
  /** other differences: teaser links, counters below the baseline's, raw post counts */
  other: string[];
}

export function compareDigests(baseline: DatabaseDigest, actual: DatabaseDigest): DigestComparison {
  const lost = [...baseline.articles].filter(([url, hash]) => actual.articles.get(url) !== hash).map(([url]) => url);
  const doubled = [...actual.articles.keys()].filter((url) => !baseline.articles.has(url));
  const other: string[] = [];
  for (const [name, base, got] of [
    ['teaser', baseline.teaserCounts, actual.teaserCounts],
    ['block', baseline.blockCounts, actual.blockCounts],
  ] as const) {
    for (const key of new Set([...base.keys(), ...got.keys()])) {
      const b = base.get(key) ?? 0;
      const a = got.get(key) ?? 0;
      if (a > b) doubled.push(`${name} ${key}: ${a} > ${b}`);
      else if (a < b) other.push(`${name} ${key}: ${a} < ${b}`);
    }
  }
  for (const link of baseline.teaserLinks) if (!actual.teaserLinks.has(link)) other.push(`missing teaser link ${link}`);
  for (const link of actual.teaserLinks) if (!baseline.teaserLinks.has(link)) other.push(`extra teaser link ${link}`);
  if (baseline.rawPosts !== actual.rawPosts) other.push(`raw posts ${actual.rawPosts} != ${baseline.rawPosts}`);
  for (const version of baseline.versions) if (!actual.versions.has(version)) other.push(`missing version ${version}`);
  for (const version of actual.versions) if (!baseline.versions.has(version)) other.push(`extra version ${version}`);
  if (baseline.articlePosts !== actual.articlePosts) other.push(`article posts ${actual.articlePosts} != ${baseline.articlePosts}`);
  return { expected: baseline.articles.size, found: actual.articles.size, lost, doubled, other };
}

/** One row of the `npm run test:faults` table. */
export interface FaultReportRow {
  fault: string;
  runs: number;
  postsExpected: number;
  articlesFound: number;
  lost: number;
  doubled: number;
  /** the run finished with no command typed (no restart, resume or retry by hand); absent for the older rows */
  unattended?: boolean;
  /** ms from the end of the fault to the first progress after it (or the run's end) */
  recoverMs?: number;
  note?: string;
}

/** Where fault tests leave their report rows for scripts/faults.ts. */
export const REPORT_DIR = `${ROOT}test-artifacts/faults/`;

/** Records a report row (one JSON file per fault). */
export async function reportFault(row: FaultReportRow): Promise<void> {
  await mkdir(REPORT_DIR, { recursive: true });
  await writeFile(`${REPORT_DIR}${row.fault.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`, `${JSON.stringify(row)}\n`);
}

/** Every processed page's posts are stored and linked to an article: nothing marked done that was not stored. */
export async function pagesDoneButNotStored(pool: Pool, runId: number): Promise<number[]> {
  const result = await pool.query<{ wp_id: number }>(
    `SELECT u.wp_id FROM run_pages p CROSS JOIN LATERAL unnest(p.wp_ids) AS u(wp_id)
     WHERE p.run_id = $1 AND p.status = 'processed'
       AND NOT EXISTS (SELECT 1 FROM article_posts ap JOIN runs r ON r.site_id = ap.site_id WHERE r.id = $1 AND ap.wp_id = u.wp_id)
       AND NOT EXISTS (SELECT 1 FROM raw_posts rp JOIN runs r ON r.site_id = rp.site_id WHERE r.id = $1 AND rp.wp_id = u.wp_id AND rp.status = 'rejected')`,
    [runId],
  );
  return result.rows.map((row) => row.wp_id);
}

/** Fails unless the database equals the undisturbed run's: no article lost, none doubled, no other difference. */
export function expectUndisturbed(comparison: DigestComparison): void {
  expect(comparison.lost).toEqual([]);
  expect(comparison.doubled).toEqual([]);
  expect(comparison.other).toEqual([]);
}

/** Fails when a page of the run is marked processed whose posts are not stored, or when any failure was recorded. */
export async function expectNothingHalfDone(pool: Pool, runId: number): Promise<void> {
  expect(await pagesDoneButNotStored(pool, runId)).toEqual([]);
  expect((await pool.query('SELECT stage, reason, message FROM failures')).rows).toEqual([]);
}
