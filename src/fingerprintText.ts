/** Case-, accent-width- and punctuation-insensitive form of a text, used before hashing. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Starting values and per-code-unit multipliers of hash64's two lanes. */
export const HASH64_SEED1 = 0xdeadbeef;
export const HASH64_SEED2 = 0x41c6ce57;
export const HASH64_LANE1 = 2654435761;
export const HASH64_LANE2 = 1597334677;

/** Two hex digits per byte value: `toString(16)` costs more than the hashing of a short block. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX_BYTES[value >>> 24]! + HEX_BYTES[(value >>> 16) & 255]! + HEX_BYTES[(value >>> 8) & 255]! + HEX_BYTES[value & 255]!;
}

/** Final mixing of hash64's lanes, as 16 hex digits; lets callers feed the lanes without building the string. */
export function finishHash64(lane1: number, lane2: number): string {
  const h1 = Math.imul(lane1 ^ (lane1 >>> 16), 2246822507) ^ Math.imul(lane2 ^ (lane2 >>> 13), 3266489909);
  const h2 = Math.imul(lane2 ^ (lane2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2 >>> 0) + hex32(h1 >>> 0);
}

/**
 * 64-bit hash of a string as 16 hex digits: two 32-bit multiply-xorshift lanes (cyrb53's mixing, widened),
 * deterministic across processes and fast enough for every block of every post (no BigInt on the hot path).
 */
export function hash64(text: string): string {
  let h1 = HASH64_SEED1;
  let h2 = HASH64_SEED2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, HASH64_LANE1);
    h2 = Math.imul(h2 ^ ch, HASH64_LANE2);
  }
  return finishHash64(h1, h2);
}

/** `[\p{L}\p{N}]` answers for BMP code points, filled on first use: 0 unknown, 1 letter or digit, 2 neither. */
const BMP_LETTER_OR_DIGIT = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** True for a letter or digit code point (`[\p{L}\p{N}]`), without running a Unicode-class regex per character. */
export function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90);
  if (codePoint > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
  let known = BMP_LETTER_OR_DIGIT[codePoint];
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(codePoint)) ? 1 : 2;
    BMP_LETTER_OR_DIGIT[codePoint] = known;
  }
  return known === 1;
}

/** Code units (1 or 2) of the letter or digit starting at `index`, or 0 when there is none (surrogate pairs count as one). */
export function letterOrDigitLength(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return isLetterOrDigit((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isLetterOrDigit(code) ? 1 : 0;
}

/** Fingerprint of a block's text: equal for texts that differ only in case, spacing or punctuation. */
export function fingerprintText(text: string): string {
  return hash64(normaliseText(text));
}
