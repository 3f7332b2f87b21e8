import { hammingDistance } from './hammingDistance.js';

/**
 * Largest Hamming distance between two `simhash64` signatures that still means "the same text".
 * The expected distance is 32·(1 − Jaccard of word 3-shingles), so 3 bits ≈ 90% shared shingles: a
 * re-crawl with a corrected sentence or an added line, not a different story on the same topic (≈ 32).
 * It is also the largest radius that four 16-bit bands find exactly by pigeonhole (see `simhashBands`).
 */
export const NEAR_DUPLICATE_MAX_DISTANCE = 3;

/** True when two signatures are within `NEAR_DUPLICATE_MAX_DISTANCE` bits. */
export function isNearDuplicate(a: bigint, b: bigint): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_MAX_DISTANCE;
}
