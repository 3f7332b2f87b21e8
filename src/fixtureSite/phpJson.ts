/**
 * JSON as PHP's json_encode writes it for WordPress: slashes escaped as `\/` and every non-ASCII character as
 * `\uXXXX`. Besides matching real responses byte for byte, this keeps payload strings one-byte (fast to send).
 */
const NON_ASCII = /[\u0080-\uffff]/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;

const unicodeEscape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `JSON.stringify(value)` with PHP's escaping. */
export function phpJson(value: unknown): string {
  let json = JSON.stringify(value);
  if (HAS_NON_ASCII.test(json)) json = json.replace(NON_ASCII, unicodeEscape);
  return json.replaceAll('/', '\\/');
}

/** Size of the shared slabs small payload pieces are written into (fewer allocations, less GC pressure). */
const SLAB_BYTES = 1 << 20;
/** Pieces larger than this get their own allocation. */
const MAX_SLAB_PIECE_BYTES = SLAB_BYTES / 8;
let slab = Buffer.allocUnsafe(SLAB_BYTES);
let slabUsed = 0;

function takeBytes(length: number): Buffer {
  if (length > MAX_SLAB_PIECE_BYTES) return Buffer.allocUnsafe(length);
  if (slabUsed + length > SLAB_BYTES) {
    slab = Buffer.allocUnsafe(SLAB_BYTES);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
  return view;
}

/** An ASCII string as bytes (PHP-escaped JSON is pure ASCII, so one char is one byte). */
export function asciiBytes(text: string): Buffer {
  const bytes = takeBytes(text.length);
  bytes.write(text, 0, 'latin1');
  return bytes;
}

/** Several ASCII strings as views into one allocation. */
export function asciiViews(texts: readonly string[]): Buffer[] {
  return texts.map(asciiBytes);
}

/** The inside of a PHP-escaped JSON string literal (no surrounding quotes), for concatenating pre-escaped parts. */
export function phpJsonFragment(text: string): string {
  const literal = phpJson(text);
  return literal.slice(1, -1);
}
