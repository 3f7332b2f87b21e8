import type { Pool } from '../db/createPool.js';
import { queryOne } from '../db/query.js';
import { dedupeFigures } from './figureQueries.js';

/** The dedupe figures shown by `status` and the backfill summary. */
export interface DedupeFigures {
  /** Every post stored, live, deleted on its site or rejected. */
  postsSeen: number;
  /** Live articles: at least one of their posts is still on its site. */
  articles: number;
  /** Live articles stored without body text (each one logged with its reason when it was processed). */
  emptyBodies: number;
  /** Live articles that are listings of stories (a section front crawled as a post: profile `listing`), not one story. */
  listingPages: number;
  /**
   * Articles not yet in the full-text index: stored or re-written since the last indexing, which runs when a run
   * ends and while the pipeline is idle. Searches find them all the same (more slowly).
   */
  searchPending: number;
  /** Articles all of whose posts were deleted on their sites (`deleted_at`, set by the id sweep); kept, not counted in `articles`. */
  deletedArticles: number;
  duplicatePostsMerged: number;
  nearDuplicateClusters: number;
  teasersStored: number;
  teaserOccurrences: number;
  teaserOccurrencesCollapsed: number;
  boilerplateBytesRemoved: number;
  contentBytes: number;
  rejectedPosts: number;
}

/** Reads the dedupe figures, for one site or all. */
export async function readDedupeFigures(pool: Pool, siteId?: number): Promise<DedupeFigures> {
  // Subqueries only, no FROM: always one row.
  const row = (await queryOne<Omit<DedupeFigures, 'teaserOccurrencesCollapsed'>>(pool, dedupeFigures(siteId ?? null)))!;
  return { ...row, teaserOccurrencesCollapsed: Math.max(0, row.teaserOccurrences - row.teasersStored) };
}
