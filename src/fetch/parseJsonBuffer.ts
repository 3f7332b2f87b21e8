import { splitJsonArray } from './splitJsonArray.js';

/** The first byte that is not JSON whitespace (or a UTF-8 BOM), or -1. */
export function firstSignificantByte(bytes: Buffer): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i < bytes.length ? bytes[i]! : -1;
}

/**
 * Parses a JSON body held as bytes. A top-level array is parsed item by item (see `splitJsonArray`): the whole
 * body never exists as one string beside its parsed items. Anything else is parsed whole. Throws SyntaxError on
 * malformed or cut-off JSON, as JSON.parse does.
 */
export function parseJsonBuffer(bytes: Buffer): unknown {
  if (firstSignificantByte(bytes) !== 0x5b) return JSON.parse(bytes.toString('utf8'));
  const items = splitJsonArray(bytes);
  return Array.from({ length: items.length }, (_, index) => items.parse(index));
}

/** True when the JSON text escapes a NUL or a UTF-16 surrogate (`\u0000`, `\ud800`-`\udfff`). */
export function escapesUnstorableBytes(bytes: Buffer): boolean {
  for (let i = bytes.indexOf('\\u'); i >= 0; i = bytes.indexOf('\\u', i + 2)) {
    // An even run of backslashes before this one means it is a literal backslash, not an escape: checking it anyway is safe.
    const code = bytes.toString('latin1', i + 2, i + 6).toLowerCase();
    if (code === '0000' || /^d[89a-f]/.test(code)) return true;
  }
  return false;
}
