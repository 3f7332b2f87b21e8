/** Reverses `toSignedInt64`: a Postgres `bigint` (string or bigint, as pg returns it) back to the unsigned 64-bit hash. */
export function fromSignedInt64(value: string | bigint): bigint {
  return BigInt.asUintN(64, typeof value === 'bigint' ? value : BigInt(value));
}
