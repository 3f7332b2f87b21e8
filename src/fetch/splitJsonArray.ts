const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

/** The items of a JSON array held as bytes, found but not parsed: each is parsed on its own, when asked for. */
export interface JsonArrayItems {
  length: number;
  /** Bytes of item `index`'s JSON text (known before it is parsed). */
  byteLength(index: number): number;
  /** Item `index`, parsed; throws SyntaxError when its text is not JSON. */
  parse(index: number): unknown;
  /** The first `bytes` bytes of item `index`'s JSON text, decoded (a character cut at the end is replaced). */
  head(index: number, bytes: number): string;
}

/**
 * Finds the items of a JSON array body (which must start with `[`, after whitespace) in one pass over its bytes,
 * without decoding or parsing any: the whole body never exists as one string, and a caller can parse, use and
 * drop the items one at a time, so a page near the size cap is never held parsed whole. Throws SyntaxError when
 * the array is cut off or followed by anything but whitespace, as JSON.parse does; an item that is not valid
 * JSON itself throws when it is parsed.
 */
export function splitJsonArray(bytes: Buffer): JsonArrayItems {
  const start = bytes.indexOf(OPEN_BRACKET);
  const bounds: number[] = [];
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
      // `[]` and `[ ]` have no item; `[1,]` has an empty one, which fails to parse as JSON.parse would.
      if (byte === COMMA || bounds.length > 0 || !isBlank(bytes, itemStart, i)) bounds.push(itemStart, i);
      itemStart = i + 1;
      if (byte === CLOSE_BRACKET) closed = i;
    }
  }
  if (closed < 0) throw new SyntaxError('Unexpected end of JSON input (unterminated array)');
  if (!isBlank(bytes, closed + 1, bytes.length)) throw new SyntaxError('Unexpected non-whitespace character after JSON array');
  return {
    length: bounds.length / 2,
    byteLength: (index) => bounds[2 * index + 1]! - bounds[2 * index]!,
    parse: (index) => JSON.parse(bytes.toString('utf8', bounds[2 * index], bounds[2 * index + 1])),
    head: (index, length) => bytes.toString('utf8', bounds[2 * index], Math.min(bounds[2 * index]! + length, bounds[2 * index + 1]!)),
  };
}

function isBlank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}
