import { COMMON_NAMES } from './htmlTreeRules.js';

/** Names are bucketed by length and first character, which must be ASCII. */
const ASCII_LIMIT = 128;
const LONGEST_NAME = Math.max(...[...COMMON_NAMES.keys()].map((name) => name.length));

/** The common names, by `length * ASCII_LIMIT + first character`. */
const BUCKETS: Array<string[] | undefined> = Array.from({ length: (LONGEST_NAME + 1) * ASCII_LIMIT }, () => undefined);
for (const name of COMMON_NAMES.keys()) {
  const key = name.length * ASCII_LIMIT + name.charCodeAt(0);
  (BUCKETS[key] ??= []).push(name);
}

function sameChars(buffer: string, start: number, name: string): boolean {
  for (let k = 1; k < name.length; k++) if (buffer.charCodeAt(start + k) !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * The constant string of `COMMON_NAMES` equal to `buffer.slice(start, end)`, or undefined; found by comparing
 * characters in place, without slicing the page and hashing the slice (a Map lookup did both for every name).
 */
export function commonName(buffer: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length > LONGEST_NAME) return undefined;
  const first = buffer.charCodeAt(start);
  if (first >= ASCII_LIMIT) return undefined;
  const candidates = BUCKETS[length * ASCII_LIMIT + first];
  if (candidates === undefined) return undefined;
  for (const name of candidates) if (sameChars(buffer, start, name)) return name;
  return undefined;
}
