import type { BodyBlock } from '../article.js';
import { fingerprintText } from '../fingerprintText.js';
import { escapeText } from './sanitizeHtml.js';

/** A structured articleBody shorter than this (characters) is a teaser, not a body to compare against. */
export const MIN_ARTICLE_BODY_CHARS = 500;
/** The chosen body must reach this share of the articleBody's length, or the choice is repaired from it. */
export const MIN_BODY_SHARE_OF_ARTICLE_BODY = 0.3;

/**
 * Splits an articleBody text into paragraphs: on line breaks, or where a scraped plain-text copy glued two
 * paragraphs together ("…challenges.Kallas travelled…").
 */
export function splitArticleBody(text: string): string[] {
  const lines = text.includes('\n') ? text.split(/\n+/) : text.split(/(?<=[.!?…”"’])(?=[\p{Lu}“‘"])/u);
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line.length > 0);
}

/**
 * Confirms the chosen body against the page's structured articleBody (JSON-LD, microdata or a plain-text
 * copy) and, when the choice clearly missed the article, rebuilds the body from that text. Returns null when
 * the chosen blocks are confirmed (or there is nothing to compare with).
 */
export function repairFromArticleBody(blocks: readonly BodyBlock[], articleBody: string | null): BodyBlock[] | null {
  if (!articleBody || articleBody.length < MIN_ARTICLE_BODY_CHARS) return null;
  const chosen = blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (chosen >= articleBody.length * MIN_BODY_SHARE_OF_ARTICLE_BODY) return null;
  const seen = new Set<string>();
  const repaired: BodyBlock[] = [];
  for (const text of splitArticleBody(articleBody)) {
    const fingerprint = fingerprintText(text);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    repaired.push({ tag: 'p', text, html: `<p>${escapeText(text)}</p>`, fingerprint });
  }
  return repaired;
}
