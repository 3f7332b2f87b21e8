const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

/** The first byte that is not JSON whitespace (or a UTF-8 BOM), or -1. */
export function firstSignificantByte(bytes: Buffer): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i < bytes.length ? bytes[i]! : -1;
}

/**
 * Parses a JSON body held as bytes. A top-level array is parsed element by element: each post's bytes are
 * decoded and parsed alone, so the whole body never exists as one string beside its parsed posts (a 61 MB page
 * would be 61 MB of string plus its objects on a heap of 160). Anything else is parsed whole. Throws
 * SyntaxError on malformed or cut-off JSON, as JSON.parse does.
 */
export function parseJsonBuffer(bytes: Buffer): unknown {
  const start = bytes.indexOf(OPEN_BRACKET);
  if (firstSignificantByte(bytes) !== OPEN_BRACKET) return JSON.parse(bytes.toString('utf8'));
  const items: unknown[] = [];
  let depth = 0;
  let itemStart = start + 1;
  let inString = false;
  let closed = -1;
  for (let i = start + 1; i < bytes.length && closed < 0; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) depth++;
    else if ((byte === CLOSE_BRACKET || byte === CLOSE_BRACE) && depth > 0) depth--;
    else if (depth === 0 && (byte === COMMA || byte === CLOSE_BRACKET)) {
      const text = bytes.toString('utf8', itemStart, i);
      if (byte === COMMA || text.trim() !== '' || items.length > 0) items.push(JSON.parse(text));
      itemStart = i + 1;
      if (byte === CLOSE_BRACKET) closed = i;
    }
  }
  if (closed < 0) throw new SyntaxError('Unexpected end of JSON input (unterminated array)');
  if (bytes.toString('utf8', closed + 1).trim() !== '') throw new SyntaxError('Unexpected non-whitespace character after JSON array');
  return items;
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
