import { finishHash64, hash64, HASH64_LANE1, HASH64_LANE2, HASH64_SEED1, HASH64_SEED2, isLetterOrDigit } from '../../fingerprintText.js';

/**
 * `normaliseText` of `src/fingerprintText.ts` without its Unicode-class regex, which costs more than the rest of
 * extraction per block: NFKC, lower case, runs of non-letters/digits to one space, trimmed. The quote
 * replacements there are implied (quotes are not letters). Proven equal by a property test.
 */
export function normaliseTextFast(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  let out = '';
  let runStart = -1;
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const next = lower.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (isLetterOrDigit(wide ? (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000 : code)) {
      if (runStart < 0) {
        if (gap && out) out += ' ';
        runStart = i;
      }
    } else if (runStart >= 0) {
      out += lower.slice(runStart, i);
      runStart = -1;
      gap = true;
    } else {
      gap = true;
    }
    if (wide) i++;
  }
  if (runStart >= 0) out += lower.slice(runStart);
  return out;
}

const SPACE = 32;

/**
 * The lower-cased letter or digit for characters whose NFKC form is themselves (ASCII, Latin-1 letters), 0 for
 * punctuation and spaces whose NFKC form holds no letter or digit, -1 for anything else (NFKC or case mapping may
 * need the whole text). None of these characters composes with a neighbour under NFKC.
 */
function simpleLower(code: number): number {
  if (code < 128) {
    if (code >= 97 && code <= 122) return code;
    if (code >= 65 && code <= 90) return code + 32;
    return code >= 48 && code <= 57 ? code : 0;
  }
  if (code >= 0xc0 && code <= 0xff) {
    if (code === 0xd7 || code === 0xf7) return 0;
    return code <= 0xde ? code + 32 : code;
  }
  if (code >= 0x2000 && code <= 0x203a) return 0;
  if (code === 0xa0 || code === 0xab || code === 0xbb || code === 0xb0 || code === 0xa7 || code === 0xb7 || code === 0xa9 || code === 0xae || code === 0x20ac) return 0;
  return -1;
}

/**
 * `hash64(normaliseTextFast(text))` for text of ASCII, Latin-1 letters and common punctuation, hashing as it
 * lowers and splits; null at the first other character.
 */
function simpleFingerprint(text: string): string | null {
  let h1 = HASH64_SEED1;
  let h2 = HASH64_SEED2;
  let inRun = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const code = simpleLower(text.charCodeAt(i));
    if (code < 0) return null;
    if (code > 0) {
      if (!inRun && started) {
        h1 = Math.imul(h1 ^ SPACE, HASH64_LANE1);
        h2 = Math.imul(h2 ^ SPACE, HASH64_LANE2);
      }
      inRun = true;
      started = true;
      h1 = Math.imul(h1 ^ code, HASH64_LANE1);
      h2 = Math.imul(h2 ^ code, HASH64_LANE2);
    } else {
      inRun = false;
    }
  }
  return finishHash64(h1, h2);
}

/**
 * Same value as `fingerprintText`, several times faster on the hot path of every block and removal: text whose
 * NFKC and lower-casing work character by character (most European text) is hashed in one pass without building
 * the normalised string.
 */
export function fingerprintFast(text: string): string {
  return simpleFingerprint(text) ?? hash64(normaliseTextFast(text));
}
