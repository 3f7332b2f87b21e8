import type { BodyBlock } from '../../article.js';
import { collapseWhitespace } from '../../html/index.js';
import { fingerprintFast } from './fingerprintFast.js';
import { escapeText } from './sanitizeHtml.js';
import { CONFIRMING_SAMPLE_CHARS, CONFIRMING_SAMPLES, MIN_ARTICLE_BODY_CHARS, MIN_ARTICLE_BODY_COVERAGE, MIN_COMPARED_WORD_CHARS } from './rules.js';

/** Separators between words: spaces, digits and ASCII/Latin-1/general punctuation (a plain regex: no Unicode classes, which are slow). */
const WORD_SEPARATORS = /[\s\d!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+/;

function distinctWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(WORD_SEPARATORS)) if (word.length >= MIN_COMPARED_WORD_CHARS) words.add(word);
  return words;
}

/** True when the body holds the start, middle and end of the articleBody word for word (the common case). */
function holdsSamples(blocks: readonly BodyBlock[], articleBody: string): boolean {
  const source = collapseWhitespace(articleBody);
  if (source.length < CONFIRMING_SAMPLES * CONFIRMING_SAMPLE_CHARS) return false;
  const body = blocks.map((block) => block.text).join(' ');
  const step = Math.floor((source.length - CONFIRMING_SAMPLE_CHARS) / (CONFIRMING_SAMPLES - 1));
  for (let i = 0; i < CONFIRMING_SAMPLES; i++) if (!body.includes(source.slice(i * step, i * step + CONFIRMING_SAMPLE_CHARS))) return false;
  return true;
}

/** Share of the articleBody's distinct words that the chosen blocks contain (0..1). */
function coverage(blocks: readonly BodyBlock[], articleBody: string): number {
  const wanted = distinctWords(articleBody);
  if (wanted.size === 0) return 1;
  const have = distinctWords(blocks.map((block) => block.text).join(' '));
  let found = 0;
  for (const word of wanted) if (have.has(word)) found++;
  return found / wanted.size;
}

/**
 * Splits an articleBody text into paragraphs: on line breaks, or where a scraped plain-text copy glued two
 * paragraphs together ("…challenges.Kallas travelled…").
 */
export function splitArticleBody(text: string): string[] {
  const lines = text.includes('\n') ? text.split(/\n+/) : text.split(/(?<=[.!?…”"’])(?=[\p{Lu}“‘"])/u);
  return lines.map((line) => collapseWhitespace(line)).filter((line) => line.length > 0);
}

/**
 * Confirms the chosen body against the page's structured articleBody (JSON-LD, microdata or a plain-text
 * copy) and, when the choice clearly missed the article, rebuilds the body from that text. Returns null when
 * the chosen blocks are confirmed (or there is nothing to compare with).
 */
export function repairFromArticleBody(blocks: readonly BodyBlock[], articleBody: string | null): BodyBlock[] | null {
  if (!articleBody || articleBody.length < MIN_ARTICLE_BODY_CHARS) return null;
  if (holdsSamples(blocks, articleBody) || coverage(blocks, articleBody) >= MIN_ARTICLE_BODY_COVERAGE) return null;
  const seen = new Set<string>();
  const repaired: BodyBlock[] = [];
  for (const text of splitArticleBody(articleBody)) {
    const fingerprint = fingerprintFast(text);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    repaired.push({ tag: 'p', text, html: `<p>${escapeText(text)}</p>`, fingerprint });
  }
  return repaired;
}
