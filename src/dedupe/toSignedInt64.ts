/** A 64-bit hash as the decimal string of a signed int64, for a Postgres `bigint` column (which has no unsigned type). */
export function toSignedInt64(h: bigint): string {
  return BigInt.asIntN(64, h).toString();
}
