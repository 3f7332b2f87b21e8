import { MAX_SAMPLE_WORDS, MIN_LANGUAGE_HITS } from './rules.js';

/** Very common function words per language; the language with most hits in a sample wins. */
const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'as'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auch', 'ein'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'pour', 'dans', 'que', 'qui', 'du'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'en', 'por', 'una', 'para', 'con', 'del'],
  it: ['il', 'che', 'di', 'della', 'non', 'per', 'una', 'sono', 'gli', 'con', 'nel', 'anche'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'zijn', 'voor', 'met', 'op', 'ook'],
  pt: ['o', 'os', 'da', 'do', 'que', 'não', 'uma', 'para', 'com', 'em', 'dos', 'das'],
};
/** Spaces, digits and punctuation between words (a plain regex: Unicode property classes are slow on every post). */
const NOT_A_WORD = /[\s\d!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f]+/;

/** Every stopword of every language: only these words are counted. */
const ANY_STOPWORD: ReadonlySet<string> = new Set(Object.values(STOPWORDS).flat());

/** Length of the longest stopword: lower-casing never shortens a word, so longer words are never stopwords. */
const MAX_STOPWORD_CHARS = Math.max(...[...ANY_STOPWORD].map((word) => word.length));

/** Guesses a BCP 47 primary language tag from text, or null when the evidence is thin. */
export function detectLanguage(text: string): string | null {
  // Split before lower-casing (no character of NOT_A_WORD has case, none gains one by lower-casing), then lower-case
  // only the words short enough to be stopwords: lower-casing the whole two-byte sample was the slow part.
  const words = text.split(NOT_A_WORD, MAX_SAMPLE_WORDS);
  const counts = new Map<string, number>();
  for (const word of words) {
    if (word.length > MAX_STOPWORD_CHARS) continue;
    const lower = word.toLowerCase();
    if (ANY_STOPWORD.has(lower)) counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestHits = 0;
  for (const [language, stopwords] of Object.entries(STOPWORDS)) {
    const hits = stopwords.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return bestHits >= MIN_LANGUAGE_HITS ? best : null;
}
