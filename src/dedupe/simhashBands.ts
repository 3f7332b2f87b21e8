/**
 * Bits per band. Four bands of 16 bits: one band more than `NEAR_DUPLICATE_MAX_DISTANCE` (3), so that two
 * signatures within that distance always share one band exactly (pigeonhole), and 16 bits keep each band's
 * index bucket small (1 in 65,536 unrelated articles per band value).
 */
const BAND_BITS = 16n;
const BAND_MASK = (1n << BAND_BITS) - 1n;

/**
 * The four 16-bit bands of a 64-bit signature, lowest bits first, each 0..65535. Two signatures within 3
 * bits differ in at most three bands, so they share at least one band exactly: an index on (band number,
 * band value) finds every candidate, then `hammingDistance` confirms. Signed input is read as unsigned.
 */
export function simhashBands(h: bigint): [number, number, number, number] {
  const unsigned = BigInt.asUintN(64, h);
  const band = (index: bigint): number => Number((unsigned >> (index * BAND_BITS)) & BAND_MASK);
  return [band(0n), band(1n), band(2n), band(3n)];
}
