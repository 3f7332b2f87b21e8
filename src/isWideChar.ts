/**
 * Whether a UTF-16 code unit is a Chinese or Japanese character (CJK radicals and punctuation, kana, ideographs,
 * compatibility ideographs, full-width forms): text written without spaces between words. Hangul is not: Korean
 * puts spaces between words. Surrogate halves (rare ideographs) are not either.
 */
export function isWideChar(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}
