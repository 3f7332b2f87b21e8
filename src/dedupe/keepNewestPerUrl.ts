import type { ExtractedArticle } from '../article.js';
import { articleUrlKey } from './articleUrlKey.js';
import { compareVersions } from './compareVersions.js';

/** Indexes into the input: the kept ones in input order, and each dropped one with the index that replaced it. */
export interface IndexMerges {
  kept: number[];
  merges: Array<{ kept: number; dropped: number }>;
}

/**
 * Groups posts by `articleUrlKey` and keeps the newest version of each group (`compareVersions`), so the
 * result does not depend on input order.
 */
export function keepNewestPerUrl(articles: readonly ExtractedArticle[]): IndexMerges {
  const newestByKey = new Map<string, number>();
  const keys = articles.map((article) => articleUrlKey(article));
  articles.forEach((article, index) => {
    const key = keys[index] ?? '';
    const current = newestByKey.get(key);
    const currentArticle = current === undefined ? undefined : articles[current];
    if (currentArticle === undefined || compareVersions(article, currentArticle) > 0) newestByKey.set(key, index);
  });
  const kept: number[] = [];
  const merges: Array<{ kept: number; dropped: number }> = [];
  keys.forEach((key, index) => {
    const newest = newestByKey.get(key) ?? index;
    if (newest === index) kept.push(index);
    else merges.push({ kept: newest, dropped: index });
  });
  return { kept, merges };
}
