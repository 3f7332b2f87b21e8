import type { ExtractedArticle } from '../../article.js';
import { withClient } from '../../db/withClient.js';
import { withTransaction } from '../../db/withTransaction.js';
import { isTransient } from '../../errors.js';
import { NEAR_DUPLICATE_MAX_DISTANCE, blockFingerprintsForStats, compareVersions } from '../../dedupe/index.js';
import { emptyBodyReason, extractArticle, type EmptyBodyReason } from '../../extract/index.js';
import type { ArticleRow } from '../../load/articleRow.js';
import { countSourceArticles, loadArticles } from '../../load/loadArticles.js';
import { loadProvenance } from '../../load/loadProvenance.js';
import { loadTeasers } from '../../load/loadTeasers.js';
import { readBlockStats, recordBlockSightings } from '../../load/recordBlockSightings.js';
import { updateClusters } from '../../load/updateClusters.js';
import { markPostsProcessed } from '../../load/markPostsProcessed.js';
import type { PoolClient } from '../../db/createPool.js';
import { renderedField } from '../../wpPost.js';
import type { AppContext } from '../context.js';
import { heldPostInputs, loadPostInputs, planHeldInputs, planPostInputs, type HeldPosts, type StoredPost } from './loadPostInputs.js';
import { reserveHeap } from '../reserveHeap.js';
import { prepareArticleRow } from './prepareArticleRow.js';
import { blockSightings, domainCandidates, groupByDomain, type CountedArticle } from './templateDecision.js';

/** Bump when extraction or dedupe changes what they produce: stored posts are then processed again. */
export const PROCESSING_VERSION = 10;

export interface ProcessResult {
  posts: number;
  skipped: number;
  rejected: number;
  articlesWritten: number;
}

/** `statsFingerprints` (`blockFingerprintsForStats(article)`) are counted by the sightings, then are the template candidates. */
interface Extracted extends CountedArticle {
  stored: StoredPost;
}

/**
 * Extracts, dedupes and loads stored posts. Unchanged posts (same payload hash, same processing version) are
 * skipped unless `force`. `inTransaction` runs last inside the load transaction (e.g. to mark a page done).
 * `held`: the posts as this process just stored them, processed from memory instead of read back (see
 * handOverPage). Either way the posts are processed in slices bounded in size, each within the process's heap
 * share for post work (`reserveHeap`), so a page near the size cap is never held (payloads, articles, rows) at once.
 */
export async function processPosts(
  ctx: Pick<AppContext, 'pool' | 'log'>,
  siteId: number,
  wpIds: readonly number[],
  options: { force?: boolean; inTransaction?: (client: PoolClient) => Promise<void>; held?: HeldPosts } = {},
): Promise<ProcessResult> {
  const only = options.force ? null : processedHash;
  const { held } = options;
  const plan = held ? planHeldInputs(held, only) : await withClient(ctx.pool, (client) => planPostInputs(client, siteId, wpIds, only));
  const slices = sliceBySize(plan.todo, MAX_SLICE_BYTES);
  const result: ProcessResult = { posts: plan.todo.length + plan.unchanged, skipped: plan.unchanged, rejected: 0, articlesWritten: 0 };
  for (let i = 0; i < Math.max(1, slices.length); i++) {
    const step = await processSlice(ctx, siteId, slices[i] ?? { wpIds: [], bytes: 0 }, held, i >= slices.length - 1 ? options.inTransaction : undefined);
    result.rejected += step.rejected;
    result.articlesWritten += step.written;
  }
  return result;
}

/**
 * One slice, within the heap share for post work. A function of its own so that nothing of the slice outlives it:
 * a suspended caller keeps its locals, and one waiting for the next slice's share must not hold this one's posts.
 */
async function processSlice(
  ctx: Pick<AppContext, 'pool' | 'log'>,
  siteId: number,
  slice: { wpIds: number[]; bytes: number },
  held: HeldPosts | undefined,
  inTransaction: ((client: PoolClient) => Promise<void>) | undefined,
): Promise<{ rejected: number; written: number }> {
  const giveBack = await reserveHeap(slice.bytes * PROCESSING_HEAP_FACTOR);
  try {
    const inputs = await withClient(ctx.pool, (client) =>
      held ? heldPostInputs(client, siteId, held, slice.wpIds) : loadPostInputs(client, siteId, slice.wpIds, null),
    );
    return await processInputs(ctx, siteId, inputs, inTransaction);
  } finally {
    giveBack();
  }
}

/** Extracts, dedupes and loads one set of inputs; `inTransaction` runs inside its load transaction. */
async function processInputs(
  ctx: Pick<AppContext, 'pool' | 'log'>,
  siteId: number,
  inputs: { siteUrl: string; posts: StoredPost[]; terms: Parameters<typeof extractArticle>[1]['terms'] },
  inTransaction: ((client: PoolClient) => Promise<void>) | undefined,
): Promise<{ rejected: number; written: number }> {
  const { extracted, rejected } = await extractAll(inputs.posts, inputs.siteUrl, inputs.terms);
  warnOfEmptyBodies(ctx.log, siteId, extracted);
  const counted = await recordSightings(ctx, extracted);
  const rows = await prepareRows(ctx, siteId, extracted, counted);
  return { rejected: rejected.length, written: await loadBatch(ctx, siteId, rows, rejected, inTransaction) };
}

/**
 * Bytes of posts' JSON processed together at most: half an ordinary page (100 posts of 20-40 KB), a thirtieth of
 * one near the size cap. Counted uncompressed, as the heap holds them (not the stored size: repetitive HTML
 * compresses ten times and more).
 */
const MAX_SLICE_BYTES = 2 * 1024 * 1024;

/**
 * Heap a slice holds at its peak, per byte of its posts' JSON: the row text and the parsed post (two bytes a
 * character once one is not Latin-1), the HTML as extraction copies it, the tree, the article, its JSON for the
 * load. Measured: a 7.6 MB post of short paragraphs holds some 100 MB; ordinary posts 6-8 times their size.
 */
const PROCESSING_HEAP_FACTOR = 12;

/** Ids in order, cut into slices whose sizes add up to at most `maxBytes` (a larger post gets a slice alone). */
function sliceBySize(posts: ReadonlyArray<{ wpId: number; bytes: number }>, maxBytes: number): Array<{ wpIds: number[]; bytes: number }> {
  const slices: Array<{ wpIds: number[]; bytes: number }> = [];
  let current = { wpIds: [] as number[], bytes: 0 };
  for (const post of posts) {
    if (current.wpIds.length > 0 && current.bytes + post.bytes > maxBytes) {
      slices.push(current);
      current = { wpIds: [], bytes: 0 };
    }
    current.wpIds.push(post.wpId);
    current.bytes += post.bytes;
  }
  if (current.wpIds.length > 0) slices.push(current);
  return slices;
}

export function processedHash(contentHash: string): string {
  return `${contentHash}:v${PROCESSING_VERSION}`;
}

/** Posts extracted between two turns of the event loop, so lock renewals and other jobs are not starved. */
const EXTRACT_SLICE = 10;

async function extractAll(posts: StoredPost[], siteUrl: string, terms: Parameters<typeof extractArticle>[1]['terms']) {
  const extracted: Extracted[] = [];
  const rejected: Rejection[] = [];
  for (const [index, stored] of posts.entries()) {
    if (index > 0 && index % EXTRACT_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      const article = extractArticle(stored.post, { site: siteUrl, terms });
      extracted.push({ stored, article, statsFingerprints: blockFingerprintsForStats(article) });
    } catch (error) {
      rejected.push({ wpId: stored.wpId, reason: `extract-failed: ${(error as Error).message}`.slice(0, 500) });
    }
  }
  return { extracted, rejected };
}

type Rejection = { wpId: number; reason: string };

/** What each empty-body reason means to the person reading the log. */
const EMPTY_BODY_MESSAGES: Record<EmptyBodyReason, string> = {
  'password-protected': 'article stored without body text: the post is password-protected and WordPress served no content',
  'no-text-in-post': 'article stored without body text: the post holds no text (only images, embeds or captions)',
  'text-not-extracted': 'article stored without body text although the post holds text: check it with `wpingest explain`',
};

/**
 * An article is never stored with an empty body in silence: each one is logged with its reason (and counted by
 * `status`, the run summary and the dashboard). The article is still stored: its title, dates and image are real.
 */
function warnOfEmptyBodies(log: AppContext['log'], siteId: number, extracted: readonly Extracted[]): void {
  for (const { stored, article } of extracted) {
    const reason = emptyBodyReason(stored.post, article);
    if (reason) log.warn({ siteId, wpId: stored.wpId, link: article.wp.link, reason }, EMPTY_BODY_MESSAGES[reason]);
  }
}
/** A row plus the hash of the stored payload it came from, recorded once the row is loaded. */
type PreparedRow = ArticleRow & { payloadHash: string };

/**
 * Loads a page's rows and marks its posts processed in one transaction. If Postgres refuses the batch for a
 * reason retrying cannot fix, the rows are loaded one by one so that only the post at fault is rejected
 * (with its reason) instead of failing its whole page.
 */
async function loadBatch(
  ctx: Pick<AppContext, 'pool' | 'log'>,
  siteId: number,
  rows: PreparedRow[],
  rejected: Rejection[],
  inTransaction?: (client: PoolClient) => Promise<void>,
): Promise<number> {
  const commit = (good: PreparedRow[]) =>
    withTransaction(ctx.pool, async (tx) => {
      const count = await loadRows(tx, good);
      await markPostsProcessed(
        tx,
        siteId,
        good.map((row) => ({ wpId: row.wpId, hash: processedHash(row.payloadHash) })),
        rejected,
      );
      await inTransaction?.(tx);
      return count;
    });
  try {
    return await commit(rows);
  } catch (error) {
    if (isTransient(error) || rows.length <= 1) throw error;
    ctx.log.warn({ siteId, err: error }, 'a page failed to load; loading its posts one by one to isolate the bad one');
  }
  const good: PreparedRow[] = [];
  for (const row of rows) {
    try {
      await withTransaction(ctx.pool, (tx) => loadRows(tx, [row]));
      good.push(row);
    } catch (error) {
      if (isTransient(error)) throw error;
      rejected.push({ wpId: row.wpId, reason: `load-failed: ${(error as Error).message}`.slice(0, 500) });
    }
  }
  return commit(good);
}

async function recordSightings(ctx: Pick<AppContext, 'pool'>, extracted: Extracted[]): Promise<Map<string, number>> {
  return withClient(ctx.pool, (client) => recordBlockSightings(client, blockSightings(extracted)));
}

/**
 * Decides each source's template blocks from its block counts and prepares the rows. Only blocks long enough to
 * be evidence (`blockFingerprintsForStats`) can be template blocks (see `domainCandidates`).
 */
async function prepareRows(
  ctx: Pick<AppContext, 'pool'>,
  siteId: number,
  extracted: Extracted[],
  counted: ReadonlyMap<string, number>,
): Promise<PreparedRow[]> {
  const rows: PreparedRow[] = [];
  await withClient(ctx.pool, async (client) => {
    for (const [domain, items] of groupByDomain(extracted)) {
      const candidates = domainCandidates(domain, items, counted);
      const { counts, domainArticles } = await readBlockStats(client, domain, candidates.unknown);
      const template = candidates.templateBlocks(counts, domainArticles);
      for (const { stored, article } of items)
        rows.push({ ...prepareArticleRow(article, siteId, template, renderedField(stored.post.content).length), payloadHash: stored.contentHash });
    }
  });
  return rows;
}

/** Loads rows: the newest version per story into articles, every version into provenance and teasers. */
export async function loadRows(tx: PoolClient, rows: ArticleRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const newest = new Map<string, ArticleRow>();
  for (const row of rows) {
    const known = newest.get(row.sourceUrl);
    if (!known || compareVersions(row.article, known.article) > 0) newest.set(row.sourceUrl, row);
  }
  const { ids, written, insertedPerSource } = await loadArticles(tx, [...newest.values()]);
  const teaserCounts = new Map(rows.map((row) => [row, teaserOccurrences(row.article)]));
  await loadProvenance(tx, rows, ids);
  await updateClusters(tx, [...new Set(ids.values())], NEAR_DUPLICATE_MAX_DISTANCE);
  // Last: a source's teaser rows are shared by every page of it, and their row locks are held until commit.
  await loadTeasers(tx, rows, teaserCounts);
  await countSourceArticles(tx, insertedPerSource);
  return written;
}

/**
 * Teaser blocks the page carried. Extraction keeps each teaser once and records no removal for a repeat (the
 * 'duplicate-teaser'/'teaser-copy' reasons counted here before were never recorded: see DROP_REASONS).
 */
function teaserOccurrences(article: ExtractedArticle): number {
  return article.teasers.length;
}
