import { buildSitePost } from './buildSitePost.js';
import type { PostContext, SitePost } from './buildSitePost.js';
import { buildTeaserPool } from './buildTeaserPool.js';
import { createLruCache } from './createLruCache.js';
import type { FixtureTruth, PoolTeaser } from './fixtureTruth.js';
import { planSite } from './planSite.js';
import type { SitePlan } from './planSite.js';
import { ADMIN_USER, CATEGORIES, TAGS } from './siteTerms.js';
import type { SiteTerm } from './siteTerms.js';
import { HOUR_MS, MINUTE_MS } from './wpDates.js';
import { asciiBytes, phpJsonFragment } from './phpJson.js';
import type { Block } from './renderScrapedPage.js';

/** Fixed default "now", so runs are reproducible. */
export const DEFAULT_NOW = new Date('2026-05-05T12:00:00Z');
/** Posts kept built in memory: few, because long-lived large strings make every young-generation GC copy them. */
export const POST_CACHE_SIZE = 32;
/** Rendered teaser blocks kept (they change every 8 or 24 posts). */
const BLOCK_CACHE_SIZE = 64;
/** Time between successive `editPosts` calls' modification stamps. */
const EDIT_STEP_MS = MINUTE_MS;

/** Options of `generateSite`. */
export interface GenerateSiteOptions {
  /** number of posts */
  posts: number;
  /** PRNG seed: same seed, posts and now give identical posts and truth */
  seed: string | number;
  /** end of the 90-day date window; default 2026-05-05T12:00:00Z */
  now?: Date;
  /** origin used in links and `_links`; default `http://127.0.0.1` */
  baseUrl?: string;
  /** link form; default `plain` (`?p=ID`) */
  permalinks?: 'pretty' | 'plain';
  /** site timezone (WordPress `gmt_offset`), hours east of UTC: `date`/`modified` are local, `date_gmt` UTC; default 0 */
  utcOffsetHours?: number;
  /**
   * The seed aggregator's clock bug: posts it imported store the page's UTC time as local time, so their
   * `date_gmt`/`modified_gmt` are `utcOffsetHours` early. Ordinary posts and edits keep correct dates. Default false.
   */
  dateQuirk?: boolean;
}

/** A term with its post count. */
export type CountedTerm = SiteTerm & { count: number };

/** The lazily evaluated fixture site. Post indexes run 0..count-1 in id order. */
export interface FixtureSite {
  readonly count: number;
  readonly seed: string | number;
  readonly nowMs: number;
  readonly plan: SitePlan;
  readonly baseUrl: string;
  readonly permalinks: 'pretty' | 'plain';
  /** site timezone offset in ms (0 unless `utcOffsetHours`) */
  readonly utcOffsetMs: number;
  /** post at index `i`, built on demand (bounded cache) */
  post(i: number): SitePost;
  /** index of the post with wp id `id`, or -1 (deleted posts included) */
  indexOfId(id: number): number;
  truth(i: number): FixtureTruth;
  teaserPool(): PoolTeaser[];
  categories(): CountedTerm[];
  tags(): CountedTerm[];
  users(): Array<typeof ADMIN_USER>;
  link(i: number): string;
  /** the instant WordPress stores as `modified_gmt` (edits use the true clock) */
  modifiedMs(i: number): number;
  /** the instant WordPress stores as `date_gmt`: the page time, minus the offset under `dateQuirk` */
  dateGmtMs(i: number): number;
  isDeleted(i: number): boolean;
  /** number of `editPosts` edits applied to post `i` */
  version(i: number): number;
  editPosts(ids: readonly number[]): void;
  deletePosts(ids: readonly number[]): void;
  /** increases on every edit or delete, so callers can drop derived caches */
  readonly generation: number;
}

/** Builds the deterministic, lazily evaluated site model. */
export function generateSite(options: GenerateSiteOptions): FixtureSite {
  const nowMs = (options.now ?? DEFAULT_NOW).getTime();
  const baseUrl = (options.baseUrl ?? 'http://127.0.0.1').replace(/\/+$/, '');
  const permalinks = options.permalinks ?? 'plain';
  const plan = planSite(options.seed, options.posts, nowMs);
  const pool = buildTeaserPool(options.seed, nowMs);
  const cache = createLruCache<number, SitePost>(POST_CACHE_SIZE);
  const versions = new Map<number, number>();
  const editedModified = new Map<number, number>();
  const deleted = new Set<number>();
  let lastEditMs = nowMs;
  let generation = 0;

  const slugLink = (i: number, slug: string): string => {
    if (permalinks === 'plain') return `${baseUrl}/?p=${plan.ids[i]}`;
    return `${baseUrl}/${new Date(plan.dateMs[i]!).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}/`;
  };
  const blocks = createLruCache<string, Block>(BLOCK_CACHE_SIZE);
  const memo = (key: string, build: () => string): Block => {
    let block = blocks.get(key);
    if (block === undefined) {
      const raw = build();
      block = { raw, json: [asciiBytes(phpJsonFragment(raw))] };
      blocks.set(key, block);
    }
    return block;
  };
  const ctx: PostContext = { seed: options.seed, plan, pool, link: slugLink, memo };
  const utcOffsetMs = (options.utcOffsetHours ?? 0) * HOUR_MS;
  // kind 2 = ordinary posts, written on the site itself: their dates are right even on a quirky aggregator
  const quirkMs = (i: number): number => (options.dateQuirk && plan.kinds[i] !== 2 ? utcOffsetMs : 0);
  const modifiedMs = (i: number): number => editedModified.get(i) ?? plan.modifiedMs[i]! - quirkMs(i);
  const dateGmtMs = (i: number): number => plan.dateMs[i]! - quirkMs(i);
  const indexOfId = (id: number): number => {
    let lo = 0;
    let hi = plan.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = plan.ids[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const post = (i: number): SitePost => {
    if (!(i >= 0 && i < plan.count)) throw new RangeError(`post index ${i} out of range`);
    const hit = cache.get(i);
    if (hit) return hit;
    const built = buildSitePost(ctx, i, versions.get(i) ?? 0, modifiedMs(i));
    cache.set(i, built);
    return built;
  };
  const counted = (terms: readonly SiteTerm[], lists: number[][]): CountedTerm[] => {
    const counts = new Map<number, number>();
    lists.forEach((ids, i) => {
      if (!deleted.has(i)) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    return terms.map((t) => ({ ...t, count: counts.get(t.id) ?? 0 }));
  };
  const idsToIndexes = (ids: readonly number[]): number[] => ids.map(indexOfId).filter((i) => i >= 0);

  return {
    count: plan.count,
    seed: options.seed,
    nowMs,
    plan,
    baseUrl,
    permalinks,
    utcOffsetMs,
    post,
    indexOfId,
    modifiedMs,
    dateGmtMs,
    truth: (i) => post(i).truth,
    teaserPool: () =>
      pool.map((t) => ({
        key: t.key,
        text_key: t.textKey,
        nid: t.nid,
        cid: t.cid,
        title: t.title,
        label: t.label,
        url: t.url,
        image_url: t.imageUrl('189x106'),
      })),
    categories: () => counted(CATEGORIES, plan.categories),
    tags: () => counted(TAGS, plan.tags),
    users: () => [ADMIN_USER],
    link: (i) => slugLink(i, post(i).slug),
    isDeleted: (i) => deleted.has(i),
    version: (i) => versions.get(i) ?? 0,
    editPosts(ids) {
      lastEditMs += EDIT_STEP_MS;
      for (const i of idsToIndexes(ids)) {
        versions.set(i, (versions.get(i) ?? 0) + 1);
        editedModified.set(i, lastEditMs);
        cache.delete(i);
      }
      generation++;
    },
    deletePosts(ids) {
      for (const i of idsToIndexes(ids)) deleted.add(i);
      generation++;
    },
    get generation() {
      return generation;
    },
  };
}
