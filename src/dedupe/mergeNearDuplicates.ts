import type { ExtractedArticle } from '../article.js';
import { articleSimhash } from './articleSimhash.js';
import { articleSourceDomain } from './articleSourceDomain.js';
import { compareVersions } from './compareVersions.js';
import { hammingDistance } from './hammingDistance.js';
import { NEAR_DUPLICATE_MAX_DISTANCE } from './isNearDuplicate.js';
import type { IndexMerges } from './keepNewestPerUrl.js';
import { simhashBands } from './simhashBands.js';

interface Signed {
  index: number;
  signature: bigint;
  /** Position in newest-first order: lower is newer. */
  rank: number;
}

/**
 * Folds articles of one source domain whose body signatures are within `NEAR_DUPLICATE_MAX_DISTANCE` into
 * the newest of them, finding candidates by shared band as the Postgres index does. Articles are visited
 * newest first and each joins the closest newer kept article (ties: the newest), so a chain of small edits
 * never merges two texts that are far apart, and the result does not depend on input order.
 * Only within a domain: the same wire story on two outlets is two source articles with two provenances.
 */
export function mergeNearDuplicates(articles: readonly ExtractedArticle[]): IndexMerges {
  const newestFirst = [...articles.keys()].sort((a, b) => compareVersions(articles[b] as ExtractedArticle, articles[a] as ExtractedArticle));
  const buckets = new Map<string, Signed[]>();
  const merges: Array<{ kept: number; dropped: number }> = [];
  newestFirst.forEach((index, rank) => {
    const article = articles[index] as ExtractedArticle;
    const signature = articleSimhash(article);
    if (signature === null) return;
    const domain = articleSourceDomain(article);
    const keys = simhashBands(signature).map((band, position) => `${domain}\u0000${position}\u0000${band}`);
    const target = closestNewer(
      signature,
      keys.flatMap((key) => buckets.get(key) ?? []),
    );
    if (target !== null) {
      merges.push({ kept: target.index, dropped: index });
      return;
    }
    for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), { index, signature, rank }]);
  });
  const dropped = new Set(merges.map((merge) => merge.dropped));
  merges.sort((a, b) => a.dropped - b.dropped);
  return { kept: [...articles.keys()].filter((index) => !dropped.has(index)), merges };
}

/** The candidate at the smallest distance within the limit; the newest wins ties. */
function closestNewer(signature: bigint, candidates: readonly Signed[]): Signed | null {
  let best: Signed | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = hammingDistance(signature, candidate.signature);
    if (distance > NEAR_DUPLICATE_MAX_DISTANCE) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== null && candidate.rank < best.rank)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
