import type { ExtractedArticle } from '../article.js';

/** One extracted post ready to load: the article plus the keys dedupe computed for it. */
export interface ArticleRow {
  article: ExtractedArticle;
  siteId: number;
  wpId: number;
  /** The post's date_gmt (ISO), which orders versions of one story. */
  dateGmt: string | null;
  /** Normalised source URL: one article per value. */
  sourceUrl: string;
  sourceDomain: string;
  contentHash: string;
  /** SimHash as a signed 64-bit decimal string (Postgres bigint). */
  simhash: string;
  /** Four 16-bit bands tagged with their index (band + index * 65536). */
  simhashBands: number[];
  /** The key each of `article.teasers` is stored under (its story, see dedupe's `teaserStoryKey`), in order. */
  teaserKeys: string[];
  /** Fingerprints of kept body blocks. */
  blockFps: string[];
  /** Fingerprints removed as template blocks. */
  templateFps: string[];
  /** Bytes of content.rendered, and bytes extraction and dedupe removed from it. */
  contentBytes: number;
  removedBytes: number;
  /** Hash of the stored payload the row was extracted from, when it came from one (see loadProvenance). */
  payloadHash?: string;
}
