import type { Element, Text } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import { parseDocument } from 'htmlparser2';

/** A complete text run, decoded as htmlparser2's tokenizer would while reading on to the `<` that ends it. */
export function decodeTextRun(run: string): string {
  return decodeRun(run, '<', decodeHTML);
}

/** A complete attribute value, decoded as the tokenizer would while reading on to its closing quote. */
export function decodeAttributeValue(value: string): string {
  return decodeRun(value, '"', decodeHTMLAttribute);
}

/**
 * Text decoded as the tokenizer decodes it while reading on: each entity is ended by the character after it, which
 * matters at the end of a run (`&notin` before `<` or a quote is `¬in`, at the end of a string it stays).
 */
function decodeRun(run: string, terminator: string, decode: (text: string) => string): string {
  return decode(run + terminator).slice(0, -1);
}

/**
 * Title text: the tokenizer's end-tag lookahead inside `<title>` decides which `&` start entities, so htmlparser2
 * itself decodes it (titles with entities in page bodies are rare: SVG icons).
 */
export function decodeTitleText(text: string): string {
  const title = parseDocument(`<title>${text}</title>`).children[0] as Element | undefined;
  const first = title?.children[0];
  return first?.type === 'text' ? (first as Text).data : '';
}
