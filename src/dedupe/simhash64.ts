import { wordRuns } from './wordRuns.js';

/**
 * Words per shingle. Three words capture phrasing, so two different stories about the same topic (same
 * names, same stop words) share few features, while an edited sentence only changes the few shingles that
 * overlap the edit. One or two words would make unrelated texts of one language look alike.
 */
const SHINGLE_WORDS = 3;

/** Signature width in bits: one bit per min-hash function; a Postgres bigint holds exactly 64. */
const SIGNATURE_BITS = 64;

/** Murmur3's 32-bit finaliser: a bijection with full avalanche, so `mix(x ^ seed)` is a random-looking permutation. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One fixed seed per signature bit, derived deterministically so every process computes the same hash. */
const PERMUTATION_SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_BITS);
  let state = 0x2545f491;
  for (let i = 0; i < SIGNATURE_BITS; i++) {
    state = mix32((state + 0x9e3779b9) >>> 0);
    seeds[i] = state;
  }
  return seeds;
})();

/** Two independent 32-bit lanes per word (hash64's multiply-xorshift over its code units, no hex string). */
function hashWords({ lower, starts, ends }: ReturnType<typeof wordRuns>): { lane1: Int32Array; lane2: Int32Array } {
  const lane1 = new Int32Array(starts.length);
  const lane2 = new Int32Array(starts.length);
  for (let index = 0; index < starts.length; index++) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = starts[index]!; i < ends[index]!; i++) {
      const ch = lower.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    lane1[index] = mix32(h1 ^ Math.imul(h2, 0x27d4eb2d));
    lane2[index] = mix32(h2 ^ Math.imul(h1, 0x165667b1));
  }
  return { lane1, lane2 };
}

/** Order-sensitive combination of `count` word hashes starting at `start` (one shingle). */
function combine(lane: Int32Array, start: number, count: number, salt: number): number {
  let h = salt;
  for (let j = 0; j < count; j++) h = mix32(((h ^ (lane[start + j] ?? 0)) + j) >>> 0);
  return h;
}

/**
 * 64-bit similarity signature of a text for near-duplicate detection by Hamming distance.
 *
 * Computed as a 1-bit MinHash (b-bit minwise hashing, Li & König 2010) over word 3-shingles of
 * `normaliseText(text)`, not as Charikar's sign-of-sums SimHash: both give a 64-bit hash compared by Hamming
 * distance and split into bands, but SimHash's distance grows with the square root of the change
 * (≈ 64·angle/π), so editing three words of one sentence in a 400-word article already moves it past 3
 * bits about half the time, while this signature's expected distance is 32·(1 − Jaccard) (≈ 1 bit for that
 * edit, ≈ 32 for unrelated texts). Measured on 400-word windows of 69 real articles with three words of one
 * sentence replaced: distance > 3 in 3.5% of cases, against 55% for SimHash over the same shingles.
 * A text shorter than three words is one shingle; an empty text hashes to 0.
 */
export function simhash64(text: string): bigint {
  const words = wordRuns(text);
  const count = words.starts.length;
  if (count === 0) return 0n;
  const { lane1, lane2 } = hashWords(words);
  const width = Math.min(SHINGLE_WORDS, count);
  const minima = new Uint32Array(SIGNATURE_BITS).fill(0xffffffff);
  const bits = new Uint8Array(SIGNATURE_BITS);
  for (let start = 0; start + width <= count; start++) {
    const order = combine(lane1, start, width, 0x9e3779b9);
    const tag = combine(lane2, start, width, 0x7f4a7c15);
    for (let i = 0; i < SIGNATURE_BITS; i++) {
      // Hot loop (64 × shingles): mix32 inlined; typed-array reads are in bounds by construction.
      let rank = order ^ PERMUTATION_SEEDS[i]!;
      rank ^= rank >>> 16;
      rank = Math.imul(rank, 0x85ebca6b);
      rank ^= rank >>> 13;
      rank = Math.imul(rank, 0xc2b2ae35);
      rank = (rank ^ (rank >>> 16)) >>> 0;
      if (rank < minima[i]!) {
        minima[i] = rank;
        bits[i] = (tag >>> (i & 31)) & 1;
      }
    }
  }
  return packBits(bits);
}

function packBits(bits: Uint8Array): bigint {
  let low = 0;
  let high = 0;
  for (let i = 0; i < 32; i++) {
    if (bits[i]) low |= 1 << i;
    if (bits[i + 32]) high |= 1 << i;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}
