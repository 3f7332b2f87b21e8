/**
 * The structured article that extraction produces and dedupe refines. The first group of fields is the
 * `wpingest extract` output contract (see DESIGN.md); fields after `word_count` are internal and are
 * stripped from the CLI output by `toContractArticle`.
 */
import type { DropReason } from './extract/dropReasons.js';
import { letterOrDigitLength } from './fingerprintText.js';
import { isWideChar } from './isWideChar.js';

/** Where a teaser block sat on the page. */
export const TEASER_SLOTS = ['latest', 'top', 'most-read', 'read-more', 'related', 'other'] as const;
export type TeaserSlot = (typeof TEASER_SLOTS)[number];

export interface Teaser {
  /** Stable key within a source domain: `nid:<data-nid>`, `url:<normalised url>` or `text:<hash>`. */
  key: string;
  slot: TeaserSlot;
  title: string;
  url: string | null;
  image_url: string | null;
}

export interface ArticleImage {
  url: string;
  caption: string | null;
  credit: string | null;
}

export interface WpProvenance {
  site: string;
  id: number;
  link: string;
  slug: string;
  date_gmt: string | null;
  modified_gmt: string | null;
  categories: string[];
  tags: string[];
}

/** One block of the article body (paragraph, heading, list, quote...), in document order. */
export interface BodyBlock {
  /** Element kind: p, h2..h6, ul, ol, blockquote, pre, table, figure. */
  tag: string;
  /** Plain text of the block, whitespace-normalised. */
  text: string;
  /** Sanitized HTML of the block. */
  html: string;
  /** 16-hex-digit fingerprint of the normalised text (see `fingerprintText`), equal for equal blocks. */
  fingerprint: string;
  /**
   * Set when the block sits in the element the page itself marks as the post's body (`.entry-content`...): the
   * author's own text, so its repetition across a source's posts (a sign-off, music credits) is no template.
   */
  inPost?: true;
}

/** A boilerplate block that extraction dropped, kept so `wpingest explain` can say why. */
export interface RemovedBlock {
  fingerprint: string;
  text: string;
  /** Short machine reason, one of `DROP_REASONS` (`ad`, `share`, `related-box`, `teaser`, `duplicate-in-post`, `template`...). */
  reason: DropReason;
  bytes: number;
}

/** The contract fields printed by `wpingest extract`. */
export interface ContractArticle {
  wp: WpProvenance;
  source_url: string | null;
  title: string;
  summary: string | null;
  authors: string[];
  published_at: string | null;
  section: string[];
  topics: string[];
  image: ArticleImage | null;
  body_text: string;
  body_html: string;
  related: Array<{ title: string; url: string | null }>;
  teasers: Teaser[];
  word_count: number;
}

export interface ExtractedArticle extends ContractArticle {
  /** ISO 8601 UTC, when the page says it was last updated. */
  modified_at: string | null;
  /** BCP 47 language tag when the page or text says it, e.g. `en`. */
  language: string | null;
  /** Body blocks in order; body_text and body_html are derived from them. */
  blocks: BodyBlock[];
  /** What extraction removed and why. */
  removed: RemovedBlock[];
  /**
   * Name of the site profile that matched, or `generic`, or `wordpress` for ordinary posts, or `listing` for a
   * page that holds no article but announces other stories (a section front, an archive: see `removed`).
   */
  profile: string;
}

/** Derives body_text, body_html and word_count from body blocks (blocks joined by one blank line). */
export function renderBody(blocks: readonly BodyBlock[]): Pick<ContractArticle, 'body_text' | 'body_html' | 'word_count'> {
  const body_text = blocks.map((block) => block.text).join('\n\n');
  const body_html = blocks.map((block) => block.html).join('\n');
  return { body_text, body_html, word_count: countWords(body_text) };
}

/** Apostrophes and hyphens that join two runs of letters into one word (`don't`, `well-known`). */
function isWordJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

/**
 * Number of words: matches of `/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu`, counted in one pass (that regex, with
 * its Unicode classes, cost more than all the rest of rendering). Chinese and Japanese write no spaces between
 * words: each of their characters counts as a word, as word processors count them.
 */
export function countWords(text: string): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    if (letterOrDigitLength(text, i) === 0) {
      i++;
      continue;
    }
    count++;
    if (isWideChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    i = endOfLetters(text, i);
    while (isWordJoiner(text.charCodeAt(i)) && letterOrDigitLength(text, i + 1) > 0) i = endOfLetters(text, i + 1);
  }
  return count;
}

/** Index after the run of letters and digits starting at `index` (a Chinese or Japanese character ends it). */
function endOfLetters(text: string, index: number): number {
  let i = index;
  for (let length = letterOrDigitLength(text, i); length > 0 && !isWideChar(text.charCodeAt(i)); length = letterOrDigitLength(text, i)) i += length;
  return i;
}

/** Strips the internal fields, leaving exactly the `wpingest extract` contract. */
export function toContractArticle(article: ExtractedArticle): ContractArticle {
  const { wp, source_url, title, summary, authors, published_at, section, topics, image, body_text, body_html, related, teasers, word_count } = article;
  return { wp, source_url, title, summary, authors, published_at, section, topics, image, body_text, body_html, related, teasers, word_count };
}
