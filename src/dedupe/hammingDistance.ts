const MASK_64 = (1n << 64n) - 1n;

function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Number of differing bits between two 64-bit hashes (taken modulo 2^64, so signed values work too). */
export function hammingDistance(a: bigint, b: bigint): number {
  const diff = (a ^ b) & MASK_64;
  return popcount32(Number(diff & 0xffffffffn)) + popcount32(Number(diff >> 32n));
}
