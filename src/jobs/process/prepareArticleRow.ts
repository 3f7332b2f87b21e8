import type { ExtractedArticle } from '../../article.js';
import {
  applyTemplateBlocks,
  articleSimhash,
  articleSourceDomain,
  articleUrlKey,
  contentHash,
  simhashBands,
  teaserStoryKey,
  toSignedInt64,
} from '../../dedupe/index.js';
import type { ArticleRow } from '../../load/articleRow.js';
import { withUtcZone } from '../../withUtcZone.js';

/** The article's identity (see `articleUrlKey`) and the source its statistics are kept under. */
export function articleIdentity(article: ExtractedArticle): { sourceUrl: string; sourceDomain: string } {
  return { sourceUrl: articleUrlKey(article), sourceDomain: articleSourceDomain(article) };
}

/** Applies the source's template blocks and computes every key the loader needs. */
export function prepareArticleRow(extracted: ExtractedArticle, siteId: number, templateFps: ReadonlySet<string>, contentBytes: number): ArticleRow {
  const { sourceUrl, sourceDomain: domain } = articleIdentity(extracted);
  const article = applyTemplateBlocks(extracted, templateFps);
  // Bodies too short to judge get no bands, so they never join a near-duplicate cluster.
  const hash = articleSimhash(article);
  const removedTemplate = article.removed.filter((block) => block.reason === 'template').map((block) => block.fingerprint);
  return {
    article,
    siteId,
    wpId: article.wp.id,
    dateGmt: toIsoUtc(article.wp.date_gmt),
    sourceUrl,
    sourceDomain: domain,
    contentHash: contentHash(article),
    simhash: hash === null ? '0' : toSignedInt64(hash),
    simhashBands: hash === null ? [] : simhashBands(hash).map((band, index) => band + index * 65536),
    teaserKeys: article.teasers.map(teaserStoryKey),
    blockFps: [...new Set(article.blocks.map((block) => block.fingerprint))].sort(),
    templateFps: [...new Set(removedTemplate)].sort(),
    contentBytes,
    removedBytes: article.removed.reduce((sum, block) => sum + block.bytes, 0),
  };
}

function toIsoUtc(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(withUtcZone(value));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
