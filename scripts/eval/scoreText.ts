/**
 * Whitespace-normalised text for snippet matching (README: normalise both sides, substring match). A space between
 * two ideographs or two Thai letters is dropped: Chinese, Japanese and Thai text has none between words, whatever
 * the markup's line breaks.
 */
export function squash(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3400-\u9fff\u3000-\u303f]) (?=[\u3400-\u9fff\u3000-\u303f])/g, '')
    .replace(/(?<=[\u0e01-\u0e7f]) (?=[\u0e01-\u0e7f])/g, '')
    .trim();
}

/** Tokens for shingles: runs of letters and digits, and each Chinese, Japanese or Thai character on its own (no spaces there). */
const SHINGLE_TOKEN = /[\u0e01-\u0e7f\u3040-\u30ff\u3400-\u9fff]|(?:(?![\u0e01-\u0e7f\u3040-\u30ff\u3400-\u9fff])[\p{L}\p{N}_])+/gu;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Snippet counts for one page: `with` found = tp, missing = fn; `without` found = fp. */
export function snippetCounts(text: string, wanted: readonly string[], unwanted: readonly string[]): Counts & { missing: string[]; leaked: string[] } {
  const haystack = squash(text);
  const missing = wanted.filter((snippet) => !haystack.includes(squash(snippet)));
  const leaked = unwanted.filter((snippet) => haystack.includes(squash(snippet)));
  return { tp: wanted.length - missing.length, fn: missing.length, fp: leaked.length, missing, leaked };
}

export function prf(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp + counts.fp > 0 ? counts.tp / (counts.tp + counts.fp) : 1;
  const recall = counts.tp + counts.fn > 0 ? counts.tp / (counts.tp + counts.fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(SHINGLE_TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= Math.max(tokens.length, 4); i++) {
    const shingle = tokens.slice(i, i + 4).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** article-extraction-benchmark style: 4-gram shingles of \w+ tokens (an ideograph is a token), per-document P and R. */
export function shinglePR(predicted: string, expected: string): { precision: number; recall: number } {
  const pred = shingles(predicted);
  const truth = shingles(expected);
  let tp = 0;
  let predTotal = 0;
  let truthTotal = 0;
  for (const [shingle, count] of pred) {
    predTotal += count;
    tp += Math.min(count, truth.get(shingle) ?? 0);
  }
  for (const count of truth.values()) truthTotal += count;
  if (predTotal === 0 && truthTotal === 0) return { precision: 1, recall: 1 };
  return { precision: predTotal > 0 ? tp / predTotal : 0, recall: truthTotal > 0 ? tp / truthTotal : 0 };
}
