import { isWideChar } from '../../isWideChar.js';
import { HANGUL_CHAR_WEIGHT, WIDE_CHAR_WEIGHT } from './rules.js';

/**
 * How many characters one UTF-16 code unit counts for in the page's measures, which were made on Latin text: a
 * Chinese or Japanese character `WIDE_CHAR_WEIGHT`, a Korean syllable `HANGUL_CHAR_WEIGHT`, anything else 1.
 */
export function charWeight(code: number): number {
  if (code < 0x2e80) return 1;
  if (code >= 0xac00 && code <= 0xd7af) return HANGUL_CHAR_WEIGHT;
  return isWideChar(code) ? WIDE_CHAR_WEIGHT : 1;
}

/**
 * `text.length` with each character weighted by `charWeight`: the length the page's measures should see. Plain
 * `length` for text in Latin and other alphabets (one scan, no allocation).
 */
export function weightedLength(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2e80) extra += charWeight(code) - 1;
  }
  return text.length + extra;
}
