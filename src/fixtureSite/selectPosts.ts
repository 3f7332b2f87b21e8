import { createLruCache } from './createLruCache.js';
import type { FixtureSite } from './generateSite.js';
import type { CollectionQuery } from './parseCollectionQuery.js';

const SELECTION_CACHE_SIZE = 8;

/** The posts a collection request matches, in response order. */
export interface PostSelection {
  total: number;
  /** post indexes of all matching posts, in the requested order */
  indexes: Int32Array;
}

/** Selects posts for collection queries; orderings and recent selections are cached. */
export interface PostSelector {
  select(q: CollectionQuery, visibleCount: number): PostSelection;
}

function sortedBy(count: number, key: (i: number) => number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  // ties broken by id (= index order), so equal dates page deterministically
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

/** Creates a selector over `site` (orderings are rebuilt when posts are edited). */
export function createPostSelector(site: FixtureSite): PostSelector {
  let byDate: Int32Array | null = null;
  let byModified: Int32Array | null = null;
  let modifiedGeneration = -1;
  const cache = createLruCache<string, PostSelection>(SELECTION_CACHE_SIZE);

  const ordering = (q: CollectionQuery): Int32Array | null => {
    if (q.orderby === 'id' || q.orderby === 'include') return null;
    if (q.orderby === 'modified') {
      if (!byModified || modifiedGeneration !== site.generation) {
        byModified = sortedBy(site.count, (i) => site.modifiedMs(i));
        modifiedGeneration = site.generation;
      }
      return byModified;
    }
    byDate ??= sortedBy(site.count, (i) => site.dateGmtMs(i));
    return byDate;
  };

  const compute = (q: CollectionQuery, visibleCount: number): PostSelection => {
    const order = ordering(q);
    const include = q.include ? new Set(q.include) : null;
    const out = new Int32Array(site.count);
    let n = 0;
    for (let k = 0; k < site.count; k++) {
      const i = order ? order[k]! : k;
      if (i >= visibleCount || site.isDeleted(i)) continue;
      if (include && !include.has(site.plan.ids[i]!)) continue;
      const date = site.dateGmtMs(i);
      if (q.after !== undefined && !(date > q.after)) continue;
      if (q.before !== undefined && !(date < q.before)) continue;
      if (q.modifiedAfter !== undefined || q.modifiedBefore !== undefined) {
        const modified = site.modifiedMs(i);
        if (q.modifiedAfter !== undefined && !(modified > q.modifiedAfter)) continue;
        if (q.modifiedBefore !== undefined && !(modified < q.modifiedBefore)) continue;
      }
      out[n++] = i;
    }
    let indexes = out.slice(0, n);
    if (q.orderby === 'include' && q.include) {
      const rank = new Map(q.include.map((id, r) => [id, r]));
      indexes.sort((a, b) => rank.get(site.plan.ids[a]!)! - rank.get(site.plan.ids[b]!)!);
    } else if (q.order === 'desc') indexes = indexes.reverse();
    return { total: n, indexes };
  };

  return {
    select(q, visibleCount) {
      const key = JSON.stringify([q.orderby, q.order, q.after, q.before, q.modifiedAfter, q.modifiedBefore, q.include, visibleCount, site.generation]);
      let hit = cache.get(key);
      if (!hit) {
        hit = compute(q, visibleCount);
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
