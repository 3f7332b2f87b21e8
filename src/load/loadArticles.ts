import type { PoolClient } from '../db/createPool.js';
import { execute, queryAll } from '../db/query.js';
import { addSourceArticles, articleIdsByUrl, upsertArticles, type UpsertedArticle } from './articleQueries.js';
import type { ArticleRow } from './articleRow.js';

/** What `loadArticles` wrote. */
export interface LoadArticlesResult {
  /** source_url -> article id, for every row given. */
  ids: Map<string, number>;
  /** Articles inserted or replaced by a newer version. */
  written: number;
  /** Articles this call created, per source domain (for `countSourceArticles`). */
  insertedPerSource: Map<string, number>;
}

function articleJson(row: ArticleRow): Record<string, unknown> {
  const a = row.article;
  return {
    source_url: row.sourceUrl,
    source_domain: row.sourceDomain,
    title: a.title,
    summary: a.summary,
    authors: a.authors,
    published_at: a.published_at,
    modified_at: a.modified_at,
    section: a.section,
    topics: a.topics,
    image: a.image,
    body_text: a.body_text,
    body_html: a.body_html,
    related: a.related,
    word_count: a.word_count,
    language: a.language,
    profile: a.profile,
    content_hash: row.contentHash,
    simhash: row.simhash,
    simhash_bands: row.simhashBands,
    version_site_id: row.siteId,
    version_wp_id: row.wpId,
    version_date_gmt: row.dateGmt,
    block_fps: row.blockFps,
    template_fps: row.templateFps,
    removed: a.removed.map(({ fingerprint, text, reason, bytes }) => ({ fingerprint, reason, bytes, text: text.slice(0, 300) })),
  };
}

/**
 * Upserts the newest version of each story (one row per source_url; `newest` must hold one row per URL).
 * A row replaces the stored one only when it is a newer version (date_gmt, then wp id) or the same version
 * re-extracted differently, so ingestion order does not matter and a re-run changes nothing.
 */
export async function loadArticles(client: PoolClient, newest: readonly ArticleRow[]): Promise<LoadArticlesResult> {
  const sorted = [...newest].sort((a, b) => (a.sourceUrl < b.sourceUrl ? -1 : a.sourceUrl > b.sourceUrl ? 1 : 0));
  const written = await queryAll<UpsertedArticle>(client, upsertArticles(sorted.map(articleJson)));
  const idRows = await queryAll<{ id: number; source_url: string }>(client, articleIdsByUrl(sorted.map((row) => row.sourceUrl)));
  const created = written.filter((row) => row.inserted);
  const insertedPerSource = new Map<string, number>();
  for (const row of created) insertedPerSource.set(row.source_domain, (insertedPerSource.get(row.source_domain) ?? 0) + 1);
  return {
    ids: new Map(idRows.map((row) => [row.source_url, row.id])),
    written: written.length,
    insertedPerSource,
  };
}

/**
 * Adds the articles a transaction created to their sources' counts (`source_articles`). Call it last in the
 * transaction: the counter row of a source is shared by all its pages and stays locked until commit.
 */
export async function countSourceArticles(client: PoolClient, insertedPerSource: ReadonlyMap<string, number>): Promise<void> {
  if (insertedPerSource.size === 0) return;
  const sources = [...insertedPerSource.keys()].sort();
  await execute(
    client,
    addSourceArticles(
      sources,
      sources.map((source) => insertedPerSource.get(source)!),
    ),
  );
}
