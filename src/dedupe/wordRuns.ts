import { isLetterOrDigit } from '../fingerprintText.js';

/** The words of a text as `normaliseText` makes them, located in one pass without building the normalised string. */
export interface WordRuns {
  /** The text in NFKC, lower-cased: the words are its slices [starts[i], ends[i]). */
  lower: string;
  starts: number[];
  ends: number[];
}

/**
 * Runs of letters and digits (`[\p{L}\p{N}]`, by code point) of the NFKC, lower-cased text: exactly the parts of
 * `normaliseText(text).split(' ')`, since normaliseText turns every other run into one space and trims.
 */
export function wordRuns(text: string): WordRuns {
  const lower = text.normalize('NFKC').toLowerCase();
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const next = lower.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (isLetterOrDigit(wide ? (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000 : code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      starts.push(start);
      ends.push(i);
      start = -1;
    }
    if (wide) i++;
  }
  if (start >= 0) {
    starts.push(start);
    ends.push(lower.length);
  }
  return { lower, starts, ends };
}

/** `normaliseText(text).length`: the words' lengths plus one space between each two. */
export function normalisedLength(text: string): number {
  const { starts, ends } = wordRuns(text);
  let length = Math.max(0, starts.length - 1);
  for (let i = 0; i < starts.length; i++) length += ends[i]! - starts[i]!;
  return length;
}
