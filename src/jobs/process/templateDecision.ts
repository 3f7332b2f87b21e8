import type { ExtractedArticle } from '../../article.js';
import { isTemplateBlock } from '../../dedupe/index.js';
import { blockStatKey, type BlockSighting } from '../../load/recordBlockSightings.js';
import { articleIdentity } from './prepareArticleRow.js';

/** An extracted article with the fingerprints it reports to the block counts (`blockFingerprintsForStats`). */
export interface CountedArticle {
  article: ExtractedArticle;
  statsFingerprints: readonly string[];
}

/** The block sightings a batch reports: each article's evidence fingerprints, with a sample text of each. */
export function blockSightings(items: readonly CountedArticle[]): BlockSighting[] {
  return items.flatMap(({ article, statsFingerprints }) => {
    const { sourceUrl, sourceDomain } = articleIdentity(article);
    const samples = new Map([...article.removed, ...article.blocks].map((block) => [block.fingerprint, block.text]));
    return statsFingerprints.map((fingerprint) => ({ sourceDomain, sourceUrl, fingerprint, sample: samples.get(fingerprint) ?? '' }));
  });
}

/** The batch's articles grouped by source domain: template blocks are decided per source. */
export function groupByDomain<T extends CountedArticle>(items: readonly T[]): Map<string, T[]> {
  const byDomain = new Map<string, T[]>();
  for (const item of items) {
    const domain = articleIdentity(item.article).sourceDomain;
    const group = byDomain.get(domain);
    if (group) group.push(item);
    else byDomain.set(domain, [item]);
  }
  return byDomain;
}

/**
 * One source's template decision: its candidates are the evidence fingerprints of its articles in the batch;
 * the counts of those just sighted came back from the sightings upsert (`counted`), so only the `unknown` rest
 * (posts processed again) must be read before `templateBlocks` can decide.
 */
export interface DomainCandidates {
  fingerprints: string[];
  unknown: string[];
  /** The template blocks among the candidates, given the counts read for `unknown` and the source's article count. */
  templateBlocks(counts: ReadonlyMap<string, number>, domainArticles: number): Set<string>;
}

export function domainCandidates(domain: string, items: readonly CountedArticle[], counted: ReadonlyMap<string, number>): DomainCandidates {
  const fingerprints = [...new Set(items.flatMap((item) => item.statsFingerprints))];
  const unknown = fingerprints.filter((fp) => !counted.has(blockStatKey(domain, fp)));
  return {
    fingerprints,
    unknown,
    templateBlocks(counts, domainArticles) {
      const countOf = (fp: string): number => counted.get(blockStatKey(domain, fp)) ?? counts.get(fp) ?? 0;
      return new Set(fingerprints.filter((fp) => isTemplateBlock({ articles: countOf(fp) }, domainArticles)));
    },
  };
}
